package com.snackmanager.order.reaction;

import java.util.Locale;

/**
 * What one reaction change does to a snack's counts: the previous reaction (if any) is taken away,
 * the current one (if any) added. Summing deltas gives exact counts whatever order they arrive in.
 */
public record ReactionDelta(long likes, long hates) {

  public static final String LIKE = "LIKE";
  public static final String HATE = "HATE";

  /**
   * @param previous {@code LIKE}, {@code HATE} or null (no reaction)
   * @param current {@code LIKE}, {@code HATE} or null (withdrawn)
   * @throws IllegalArgumentException for any other reaction
   */
  public static ReactionDelta between(String previous, String current) {
    long likes = 0;
    long hates = 0;
    switch (normalise(previous)) {
      case LIKE -> likes--;
      case HATE -> hates--;
      default -> {}
    }
    switch (normalise(current)) {
      case LIKE -> likes++;
      case HATE -> hates++;
      default -> {}
    }
    return new ReactionDelta(likes, hates);
  }

  public boolean isZero() {
    return likes == 0 && hates == 0;
  }

  private static String normalise(String reaction) {
    if (reaction == null) {
      return "";
    }
    String name = reaction.toUpperCase(Locale.ROOT);
    if (!name.equals(LIKE) && !name.equals(HATE)) {
      throw new IllegalArgumentException("Unknown reaction " + reaction);
    }
    return name;
  }
}
