package com.snackmanager.reaction.reactions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReactionTest {

  @Test
  void codesRoundTrip() {
    for (Reaction reaction : new Reaction[] {null, Reaction.LIKE, Reaction.HATE}) {
      assertThat(Reaction.fromCode(Reaction.code(reaction))).isEqualTo(reaction);
    }
    assertThatThrownBy(() -> Reaction.fromCode(3)).isInstanceOf(IllegalArgumentException.class);
  }
}
