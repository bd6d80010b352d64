package com.snackmanager.reaction.reactions.domain;

import com.snackmanager.events.reactions.LikeRatio;
import java.math.BigDecimal;

/**
 * A snack's reaction totals.
 *
 * @param likes members who like the snack
 * @param hates members who hate it
 */
public record ReactionCounts(long likes, long hates) {

  public ReactionCounts {
    if (likes < 0 || hates < 0) {
      throw new IllegalArgumentException("Counts cannot be negative: " + likes + "/" + hates);
    }
  }

  /** The ratio every service shows ({@link LikeRatio}). */
  public BigDecimal likeRatio() {
    return LikeRatio.of(likes, hates);
  }

  /** A snack is hated when more members hate it than like it. */
  public boolean isHated() {
    return hates > likes;
  }
}
