package com.snackmanager.snack.reaction;

import com.snackmanager.events.envelope.MalformedEventException;
import java.util.Objects;

/**
 * How one member's change of reaction moves a snack's counts: from {@code previous} to {@code
 * current}, each {@code LIKE}, {@code HATE} or none. Applying these deltas gives exact counts
 * whatever order the events arrive in.
 */
public record ReactionDelta(long likes, long hates) {

  public static final String LIKE = "LIKE";
  public static final String HATE = "HATE";

  /**
   * @throws MalformedEventException for a reaction that is none of LIKE, HATE and none
   */
  public static ReactionDelta between(String previous, String current) {
    check(previous);
    check(current);
    return new ReactionDelta(
        count(LIKE, current) - count(LIKE, previous), count(HATE, current) - count(HATE, previous));
  }

  public boolean isZero() {
    return likes == 0 && hates == 0;
  }

  private static long count(String reaction, String value) {
    return Objects.equals(reaction, value) ? 1 : 0;
  }

  private static void check(String reaction) {
    if (reaction != null && !LIKE.equals(reaction) && !HATE.equals(reaction)) {
      throw new MalformedEventException("Unknown reaction \"" + reaction + "\"", null);
    }
  }
}
