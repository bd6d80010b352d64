package com.snackmanager.events.reactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.events.envelope.MalformedEventException;
import org.junit.jupiter.api.Test;

class ReactionDeltaTest {

  @Test
  void setSwitchAndWithdrawMoveTheCounts() {
    assertThat(ReactionDelta.between(null, "LIKE")).isEqualTo(new ReactionDelta(1, 0));
    assertThat(ReactionDelta.between(null, "HATE")).isEqualTo(new ReactionDelta(0, 1));
    assertThat(ReactionDelta.between("HATE", "LIKE")).isEqualTo(new ReactionDelta(1, -1));
    assertThat(ReactionDelta.between("LIKE", "HATE")).isEqualTo(new ReactionDelta(-1, 1));
    assertThat(ReactionDelta.between("LIKE", null)).isEqualTo(new ReactionDelta(-1, 0));
    assertThat(ReactionDelta.between("LIKE", "LIKE").isZero()).isTrue();
  }

  @Test
  void deltasAddUpToTheSameCountsInAnyOrder() {
    ReactionDelta[] changes = {
      ReactionDelta.between(null, "LIKE"),
      ReactionDelta.between("LIKE", "HATE"),
      ReactionDelta.between("HATE", null),
      ReactionDelta.between(null, "LIKE")
    };
    long likes = 0;
    long hates = 0;
    for (int i = changes.length - 1; i >= 0; i--) {
      likes += changes[i].likes();
      hates += changes[i].hates();
    }
    assertThat(likes).isEqualTo(1);
    assertThat(hates).isZero();
  }

  @Test
  void anUnknownReactionIsAMalformedEvent() {
    assertThatThrownBy(() -> ReactionDelta.between(null, "LOVE"))
        .isInstanceOf(MalformedEventException.class);
  }
}
