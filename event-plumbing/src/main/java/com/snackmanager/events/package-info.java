/**
 * Snack Manager's event plumbing, auto-configured by {@link
 * com.snackmanager.events.SnackEventsAutoConfiguration}: the contracts (envelope and one package
 * per topic) are in the event-contracts module; here are the transactional {@code outbox}, the
 * idempotent {@code inbox}, and {@code kafka} listener and topic defaults.
 */
package com.snackmanager.events;
