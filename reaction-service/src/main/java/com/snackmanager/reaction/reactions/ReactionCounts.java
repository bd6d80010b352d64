package com.snackmanager.reaction.reactions;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A snack's reaction totals.
 *
 * @param likes members who like the snack
 * @param hates members who hate it
 */
public record ReactionCounts(long likes, long hates) {

  /** Decimal places of {@link #likeRatio()}. */
  public static final int RATIO_SCALE = 3;

  public ReactionCounts {
    if (likes < 0 || hates < 0) {
      throw new IllegalArgumentException("Counts cannot be negative: " + likes + "/" + hates);
    }
  }

  /**
   * {@code likes / max(hates, 1)}, rounded half-up to three decimals: 7 likes and 3 hates give
   * 2.333, which ranks above 60/40 = 1.500; no hates at all give the likes themselves.
   */
  public BigDecimal likeRatio() {
    return BigDecimal.valueOf(likes)
        .divide(BigDecimal.valueOf(Math.max(hates, 1)), RATIO_SCALE, RoundingMode.HALF_UP);
  }

  /** A snack is hated when more members hate it than like it. */
  public boolean isHated() {
    return hates > likes;
  }
}
