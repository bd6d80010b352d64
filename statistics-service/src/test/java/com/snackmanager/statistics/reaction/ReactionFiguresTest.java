package com.snackmanager.statistics.reaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReactionFiguresTest {

  @Test
  void likeRatioIsLikesOverAtLeastOneHateToThreeDecimals() {
    assertThat(ReactionFigures.of("sn", "x", 7, 3).likeRatio()).isEqualTo(new BigDecimal("2.333"));
    assertThat(ReactionFigures.of("sn", "x", 60, 40).likeRatio())
        .isEqualTo(new BigDecimal("1.500"));
    assertThat(ReactionFigures.of("sn", "x", 5, 0).likeRatio()).isEqualTo(new BigDecimal("5.000"));
    assertThat(ReactionFigures.of("sn", "x", 2, 3).likeRatio()).isEqualTo(new BigDecimal("0.667"));
  }
}
