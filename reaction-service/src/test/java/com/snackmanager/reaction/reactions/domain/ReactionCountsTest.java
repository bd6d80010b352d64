package com.snackmanager.reaction.reactions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.events.reactions.LikeRatio;
import org.junit.jupiter.api.Test;

class ReactionCountsTest {

  @Test
  void theRatioIsTheOneEveryServiceShows() {
    assertThat(new ReactionCounts(7, 3).likeRatio()).isEqualTo(LikeRatio.of(7, 3));
    assertThat(new ReactionCounts(60, 40).likeRatio()).hasToString("1.5");
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
