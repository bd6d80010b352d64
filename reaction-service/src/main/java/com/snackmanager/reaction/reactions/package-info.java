/**
 * Setting, switching, withdrawing and reading a member's reaction to a snack: the HTTP API, its
 * rules and {@link com.snackmanager.reaction.reactions.ReactionService}, which runs each request.
 *
 * <p>The fast path: {@link com.snackmanager.reaction.reactions.cache.ReactionCache} decides in one
 * atomic Redis script; {@link com.snackmanager.reaction.reactions.store.ReactionWriter} makes the
 * decision durable (row + outbox event) in a PostgreSQL transaction shared by concurrent requests
 * (group commit) before the response is sent; {@link
 * com.snackmanager.reaction.reactions.cache.ReactionCacheLoader} rebuilds a snack's Redis cache
 * from PostgreSQL whenever it is missing. The README explains why a rebuild and a write cannot
 * interleave badly.
 *
 * <p>Its parts, each using only those named after it: {@code cache} (Redis, and its rebuild from
 * PostgreSQL), {@code store} (the durable rows and their outbox events), {@code domain} (the values
 * they all share). Their settings are {@link com.snackmanager.reaction.config.ReactionProperties}.
 */
package com.snackmanager.reaction.reactions;
