package com.snackmanager.events.reactions;

import com.snackmanager.events.envelope.MalformedEventException;

/**
 * What one {@code reaction.changed} event does to a snack's counts: its previous reaction removed,
 * its current one added. Deltas commute, so a consumer can sum a batch of them per snack and apply
 * them in any order (the event's own counts are informational only).
 */
public record ReactionDelta(long likes, long hates) {

  public static final ReactionDelta ZERO = new ReactionDelta(0, 0);

  /**
   * @param previous {@code LIKE}, {@code HATE} or null (none)
   * @param current {@code LIKE}, {@code HATE} or null (withdrawn)
   * @throws MalformedEventException for any other value
   */
  public static ReactionDelta between(String previous, String current) {
    ReactionDelta removed = of(previous, "previous");
    ReactionDelta added = of(current, "current");
    return new ReactionDelta(added.likes - removed.likes, added.hates - removed.hates);
  }

  public ReactionDelta plus(ReactionDelta other) {
    return new ReactionDelta(likes + other.likes, hates + other.hates);
  }

  public boolean isZero() {
    return likes == 0 && hates == 0;
  }

  private static ReactionDelta of(String reaction, String field) {
    if (reaction == null) {
      return ZERO;
    }
    return switch (reaction) {
      case ReactionChanged.LIKE -> new ReactionDelta(1, 0);
      case ReactionChanged.HATE -> new ReactionDelta(0, 1);
      default ->
          throw new MalformedEventException(
              "reaction.changed: "
                  + field
                  + " must be LIKE, HATE or null, not \""
                  + reaction
                  + "\"",
              null);
    };
  }
}
