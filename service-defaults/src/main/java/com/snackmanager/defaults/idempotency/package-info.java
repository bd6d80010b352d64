/**
 * The {@code Idempotency-Key} header, Stripe's semantics, for any {@code POST} that creates
 * something: a retried request with the same key and the same content gets the first response again
 * without a second effect; the same key with other content is a 409. Keys are per member and
 * remembered for {@code snack.idempotency.retention} (24 h).
 *
 * <p>A service opts in with {@code snack.idempotency.enabled: true} and {@code
 * classpath:db/idempotency} in {@code spring.flyway.locations} (the {@code idempotency_key} table),
 * then wraps its creating work in {@link IdempotentRequests#once} inside its own transaction. See
 * {@code docs/adding-a-service.md}.
 */
package com.snackmanager.defaults.idempotency;
