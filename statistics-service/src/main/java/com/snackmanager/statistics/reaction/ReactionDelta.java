package com.snackmanager.statistics.reaction;

/**
 * What one reaction change does to a snack's counts: the previous reaction is taken away and the
 * current one added ({@code LIKE}, {@code HATE} or none). Adding deltas is exact whatever order
 * they are delivered in.
 */
public record ReactionDelta(int likes, int hates) {

  public static ReactionDelta between(String previous, String current) {
    ReactionDelta removed = of(previous, "previous");
    ReactionDelta added = of(current, "current");
    return new ReactionDelta(added.likes - removed.likes, added.hates - removed.hates);
  }

  public boolean isZero() {
    return likes == 0 && hates == 0;
  }

  private static ReactionDelta of(String reaction, String field) {
    if (reaction == null) {
      return new ReactionDelta(0, 0);
    }
    return switch (reaction) {
      case "LIKE" -> new ReactionDelta(1, 0);
      case "HATE" -> new ReactionDelta(0, 1);
      default ->
          throw new IllegalArgumentException(
              field + " must be LIKE, HATE or null, not \"" + reaction + "\"");
    };
  }
}
