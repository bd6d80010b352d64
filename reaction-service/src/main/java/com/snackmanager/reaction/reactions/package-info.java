/**
 * Setting, switching, withdrawing and reading a member's reaction to a snack.
 *
 * <p>The fast path: {@link com.snackmanager.reaction.reactions.ReactionCache} decides in one atomic
 * Redis script; {@link com.snackmanager.reaction.reactions.ReactionWriter} makes the decision
 * durable (row + outbox event) in a PostgreSQL transaction shared by concurrent requests (group
 * commit) before the response is sent; {@link
 * com.snackmanager.reaction.reactions.ReactionCacheLoader} rebuilds a snack's Redis cache from
 * PostgreSQL whenever it is missing. The README explains why a rebuild and a write cannot
 * interleave badly.
 */
package com.snackmanager.reaction.reactions;
