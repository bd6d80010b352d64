/**
 * The {@code Idempotency-Key} header (Stripe's semantics): a retried request with the same key and
 * body gets the first response again without a second effect; the same key with another body is a
 * 409. Keys are per member and remembered for 24 hours.
 */
package com.snackmanager.snack.idempotency;
