package com.snackmanager.events.reactions;

import java.time.Instant;

/**
 * A member's reaction to a snack changed: {@code previous} and {@code current} are {@code LIKE},
 * {@code HATE} or null (none), so a set, a switch and a withdrawal are all one event. The counts
 * are the snack's totals right after the change; projections should apply the delta from {@code
 * previous} to {@code current} (which is exact whatever the order of delivery) and may use the
 * counts to check themselves.
 */
public record ReactionChanged(
    String snackUid,
    long memberId,
    String previous,
    String current,
    long likeReactionCount,
    long hateReactionCount,
    Instant changedAt)
    implements ReactionEvent {

  public static final String TYPE = "reaction.changed";
  public static final int VERSION = 1;
  public static final String LIKE = "LIKE";
  public static final String HATE = "HATE";

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public int eventVersion() {
    return VERSION;
  }
}
