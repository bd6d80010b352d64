/**
 * The values the reaction packages share, plain Java: {@link
 * com.snackmanager.reaction.reactions.domain.Reaction} (LIKE or HATE, {@code null} for none), a
 * snack's {@link com.snackmanager.reaction.reactions.domain.ReactionCounts} and like ratio, and the
 * {@link com.snackmanager.reaction.reactions.domain.Position} of a change in a snack's order of
 * changes.
 */
package com.snackmanager.reaction.reactions.domain;
