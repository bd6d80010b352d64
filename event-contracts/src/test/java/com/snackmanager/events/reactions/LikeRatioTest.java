package com.snackmanager.events.reactions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikeRatioTest {

  @Test
  void isLikesOverHatesWithAtLeastOneHate() {
    assertThat(LikeRatio.of(7, 3)).hasToString("2.333");
    assertThat(LikeRatio.of(60, 40)).hasToString("1.5");
    assertThat(LikeRatio.of(5, 0)).hasToString("5");
    assertThat(LikeRatio.of(5, 1)).hasToString("5");
    assertThat(LikeRatio.of(0, 0)).hasToString("0");
    assertThat(LikeRatio.of(0, 9)).hasToString("0");
  }

  @Test
  void roundsHalfUpToThreeDecimals() {
    assertThat(LikeRatio.of(2, 3)).hasToString("0.667");
    assertThat(LikeRatio.of(1, 8)).hasToString("0.125");
    assertThat(LikeRatio.of(1, 16)).hasToString("0.063");
    assertThat(LikeRatio.of(1, 1)).hasToString("1");
  }

  @Test
  void neverUsesAnExponent() {
    assertThat(LikeRatio.of(10_000, 0)).hasToString("10000");
    assertThat(LikeRatio.of(1, 4_000)).hasToString("0");
  }

  @Test
  void ranksTheSeedsExample() {
    assertThat(LikeRatio.of(7, 3)).isGreaterThan(LikeRatio.of(60, 40));
  }

  @Test
  void negativeCountsOfAProjectionThatIsCatchingUpStillHaveARatio() {
    assertThat(LikeRatio.of(1, -1)).hasToString("1");
    assertThat(LikeRatio.of(-1, 0)).hasToString("-1");
  }
}
