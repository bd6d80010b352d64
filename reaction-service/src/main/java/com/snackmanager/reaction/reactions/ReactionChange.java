package com.snackmanager.reaction.reactions;

import java.time.Instant;

/**
 * A change decided in Redis that is to be made durable.
 *
 * @param previous the member's reaction before, as Redis saw it (null: none)
 * @param current the member's reaction after (null: withdrawn)
 * @param position the decision's place in the snack's order of changes
 * @param counts the snack's counts right after the decision
 */
record ReactionChange(
    String snackUid,
    long memberId,
    Reaction previous,
    Reaction current,
    Position position,
    ReactionCounts counts,
    Instant changedAt) {

  MemberKey key() {
    return new MemberKey(snackUid, memberId);
  }

  /** One member's row for one snack. */
  record MemberKey(String snackUid, long memberId) {}
}
