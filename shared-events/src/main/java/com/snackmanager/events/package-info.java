/**
 * Snack Manager's shared event plumbing, auto-configured by {@link
 * com.snackmanager.events.SnackEventsAutoConfiguration}: contracts in {@code envelope} and one
 * package per topic ({@code users}), the transactional {@code outbox}, the idempotent {@code
 * inbox}, and {@code kafka} listener and topic defaults.
 */
package com.snackmanager.events;
