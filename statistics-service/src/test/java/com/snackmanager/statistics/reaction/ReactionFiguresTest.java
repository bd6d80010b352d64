package com.snackmanager.statistics.reaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.reactions.LikeRatio;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReactionFiguresTest {

  @Test
  void likeRatioIsTheOneEveryServiceShows() {
    assertThat(ReactionFigures.of("sn", "x", 7, 3).likeRatio()).isEqualTo(LikeRatio.of(7, 3));
    assertThat(ReactionFigures.of("sn", "x", 60, 40).likeRatio()).isEqualTo(new BigDecimal("1.5"));
  }
}
