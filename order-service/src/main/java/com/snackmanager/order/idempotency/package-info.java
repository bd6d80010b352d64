/**
 * {@code Idempotency-Key} support for {@code POST /orders/}: the first response per member and key
 * is kept for 24 hours and replayed for the same request; a different request with the key is a
 * 409. Generic on purpose (member, key, request digest, stored response), so it can move to
 * service-defaults for {@code POST /snacks/} too.
 */
package com.snackmanager.order.idempotency;
