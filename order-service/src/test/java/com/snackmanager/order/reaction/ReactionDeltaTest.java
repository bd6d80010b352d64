package com.snackmanager.order.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReactionDeltaTest {

  @Test
  void aChangeTakesThePreviousReactionAwayAndAddsTheCurrentOne() {
    assertThat(ReactionDelta.between(null, "LIKE")).isEqualTo(new ReactionDelta(1, 0));
    assertThat(ReactionDelta.between(null, "HATE")).isEqualTo(new ReactionDelta(0, 1));
    assertThat(ReactionDelta.between("LIKE", "HATE")).isEqualTo(new ReactionDelta(-1, 1));
    assertThat(ReactionDelta.between("HATE", "LIKE")).isEqualTo(new ReactionDelta(1, -1));
    assertThat(ReactionDelta.between("LIKE", null)).isEqualTo(new ReactionDelta(-1, 0));
    assertThat(ReactionDelta.between("hate", null)).isEqualTo(new ReactionDelta(0, -1));
    assertThat(ReactionDelta.between(null, null).isZero()).isTrue();
  }

  @Test
  void deltasSumToTheSameCountsInAnyOrder() {
    ReactionDelta a = ReactionDelta.between(null, "HATE");
    ReactionDelta b = ReactionDelta.between("HATE", "LIKE");
    ReactionDelta c = ReactionDelta.between("LIKE", null);
    // b before a (out of order): the counts dip below zero, but the sum is the same
    long likes = b.likes() + a.likes() + c.likes();
    long hates = b.hates() + a.hates() + c.hates();
    assertThat(likes).isZero();
    assertThat(hates).isZero();
  }

  @Test
  void unknownReactionsAreRefused() {
    assertThatThrownBy(() -> ReactionDelta.between(null, "LOVE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown reaction LOVE");
  }
}
