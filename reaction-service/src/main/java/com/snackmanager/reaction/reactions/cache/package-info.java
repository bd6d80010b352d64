/**
 * The Redis cache of every snack's reactions. {@link
 * com.snackmanager.reaction.reactions.cache.ReactionCache} runs the Lua scripts kept beside it on
 * the classpath ({@code react}, {@code read}, {@code install}, {@code invalidate}), one atomic
 * round trip each. Redis is only a cache: {@link
 * com.snackmanager.reaction.reactions.cache.ReactionCacheLoader} rebuilds a missing snack from
 * PostgreSQL, holding the snack's advisory lock exclusively against the writer's batches ({@link
 * com.snackmanager.reaction.reactions.store.ReactionWriter#LOCK_NAMESPACE}), and {@link
 * com.snackmanager.reaction.reactions.cache.ReactionCacheWarmUp} does so for every known snack at
 * start-up.
 */
package com.snackmanager.reaction.reactions.cache;
