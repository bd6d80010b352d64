package com.snackmanager.reaction.reactions.domain;

/**
 * A member's reaction to a snack. "No reaction" is {@code null} wherever a reaction is optional.
 */
public enum Reaction {
  LIKE,
  HATE;

  /** The number the Redis scripts use: 0 none, 1 LIKE, 2 HATE. */
  public static int code(Reaction reaction) {
    return reaction == null ? 0 : reaction.ordinal() + 1;
  }

  /**
   * @throws IllegalArgumentException for a code other than 0, 1 or 2
   */
  public static Reaction fromCode(long code) {
    if (code == 0) {
      return null;
    }
    if (code == 1 || code == 2) {
      return values()[(int) code - 1];
    }
    throw new IllegalArgumentException("No reaction with code " + code);
  }

  /** The reaction named exactly {@code name} ({@code LIKE} or {@code HATE}), or null. */
  public static Reaction named(String name) {
    for (Reaction reaction : values()) {
      if (reaction.name().equals(name)) {
        return reaction;
      }
    }
    return null;
  }

  public static String nameOf(Reaction reaction) {
    return reaction == null ? null : reaction.name();
  }
}
