package com.snackmanager.reaction.reactions.store;

import com.snackmanager.reaction.reactions.domain.Position;
import com.snackmanager.reaction.reactions.domain.Reaction;
import com.snackmanager.reaction.reactions.domain.ReactionCounts;
import java.time.Instant;
import java.util.Map;

/**
 * A change decided in Redis that is to be made durable.
 *
 * @param previous the member's reaction before, as Redis saw it (null: none)
 * @param current the member's reaction after (null: withdrawn)
 * @param position the decision's place in the snack's order of changes
 * @param counts the snack's counts right after the decision
 * @param trace the trace context of the request (W3C headers), carried to the event it causes,
 *     which a group commit writes outside the request's own context
 */
public record ReactionChange(
    String snackUid,
    long memberId,
    Reaction previous,
    Reaction current,
    Position position,
    ReactionCounts counts,
    Instant changedAt,
    Map<String, String> trace) {

  public ReactionChange {
    trace = Map.copyOf(trace);
  }

  ReactionChange tracedBy(Map<String, String> requestTrace) {
    return new ReactionChange(
        snackUid, memberId, previous, current, position, counts, changedAt, requestTrace);
  }

  MemberKey key() {
    return new MemberKey(snackUid, memberId);
  }

  /** One member's row for one snack. */
  record MemberKey(String snackUid, long memberId) {}
}
