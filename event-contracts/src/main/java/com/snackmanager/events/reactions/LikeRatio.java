package com.snackmanager.events.reactions;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The {@code like_ratio} every service shows (SPEC: {@code likes / max(hates, 1)}), defined once:
 * rounded half-up to {@value #SCALE} decimals and written without trailing zeros, so 7 likes and 3
 * hates give 2.333 (which ranks above 60/40 = 1.5) and no hates give the likes themselves (7, never
 * 7.000 or 7E+0). The snack-service orders its lists by a finer stored value; what a client sees is
 * this one, in the catalog, the reaction responses and the statistics alike.
 */
public final class LikeRatio {

  /** Decimal places a shown ratio has at most. */
  public static final int SCALE = 3;

  private LikeRatio() {}

  /**
   * Any counts have a ratio: a projection may briefly hold a negative one (it has applied a switch
   * but not yet the reaction the switch replaced).
   */
  public static BigDecimal of(long likes, long hates) {
    BigDecimal ratio =
        BigDecimal.valueOf(likes)
            .divide(BigDecimal.valueOf(Math.max(hates, 1)), SCALE, RoundingMode.HALF_UP)
            .stripTrailingZeros();
    return ratio.scale() < 0 ? ratio.setScale(0) : ratio;
  }
}
