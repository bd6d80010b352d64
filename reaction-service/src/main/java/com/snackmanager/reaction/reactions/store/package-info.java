/**
 * The durable reactions in PostgreSQL. {@link
 * com.snackmanager.reaction.reactions.store.ReactionWriter} writes the changes decided in Redis
 * ({@link com.snackmanager.reaction.reactions.store.ReactionChange}) in batches that concurrent
 * requests share ({@link com.snackmanager.reaction.reactions.store.GroupCommit}): one transaction
 * per batch, holding the members' rows and one {@code reaction.changed} outbox event per real
 * change. {@link com.snackmanager.reaction.reactions.store.ReactionRows} decides how a batch lands
 * on the stored rows (the newer position wins). A change decided in a cache generation that has
 * since been rebuilt is not written: its request decides again.
 */
package com.snackmanager.reaction.reactions.store;
