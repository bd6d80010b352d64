package com.snackmanager.reaction.reactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReactionCountsTest {

  @Test
  void theRatioIsLikesOverHatesWithAtLeastOneHate() {
    assertThat(new ReactionCounts(7, 3).likeRatio()).isEqualByComparingTo("2.333");
    assertThat(new ReactionCounts(60, 40).likeRatio()).isEqualByComparingTo("1.5");
    assertThat(new ReactionCounts(5, 0).likeRatio()).isEqualByComparingTo("5");
    assertThat(new ReactionCounts(5, 1).likeRatio()).isEqualByComparingTo("5");
    assertThat(new ReactionCounts(0, 0).likeRatio()).isEqualByComparingTo("0");
    assertThat(new ReactionCounts(0, 9).likeRatio()).isEqualByComparingTo("0");
  }

  @Test
  void theSeedsExampleRanksSevenToThreeAboveSixtyToForty() {
    assertThat(new ReactionCounts(7, 3).likeRatio())
        .isGreaterThan(new ReactionCounts(60, 40).likeRatio());
  }

  @Test
  void theRatioHasThreeDecimalsRoundedHalfUp() {
    assertThat(new ReactionCounts(2, 3).likeRatio()).isEqualTo(new BigDecimal("0.667"));
    assertThat(new ReactionCounts(1, 8).likeRatio()).isEqualTo(new BigDecimal("0.125"));
    assertThat(new ReactionCounts(1, 16).likeRatio()).isEqualTo(new BigDecimal("0.063"));
    assertThat(new ReactionCounts(1, 1).likeRatio()).isEqualTo(new BigDecimal("1.000"));
    assertThat(new ReactionCounts(0, 0).likeRatio().scale()).isEqualTo(3);
  }

  @Test
  void aSnackIsHatedWhenHatesOutnumberLikes() {
    assertThat(new ReactionCounts(1, 2).isHated()).isTrue();
    assertThat(new ReactionCounts(2, 2).isHated()).isFalse();
    assertThat(new ReactionCounts(0, 0).isHated()).isFalse();
  }

  @Test
  void countsCannotBeNegative() {
    assertThatThrownBy(() -> new ReactionCounts(-1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
