package com.snackmanager.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The expected reaction of a pair from a wrk thread's count of requests sent. */
class ReactionCheckTest {

  // a thread with 10 pairs and 2 connections that sent 25 requests (numbers 0-24): pairs 0-4 got
  // three (LIKE, HATE, LIKE), pairs 5-9 two (LIKE, HATE); 23 and 24 (pairs 3, 4) may be in flight
  static final int PAIRS = 10;
  static final int CONNECTIONS = 2;
  static final long SENT = 25;

  @Test
  void aPairAlternatesLikeHateLikeWithEachRoundOfTheThreadsPairs() {
    assertThat(ReactionCheck.acceptable(SENT, PAIRS, 0, CONNECTIONS)).containsOnly("LIKE");
    assertThat(ReactionCheck.acceptable(SENT, PAIRS, 2, CONNECTIONS)).containsOnly("LIKE");
    assertThat(ReactionCheck.acceptable(SENT, PAIRS, 5, CONNECTIONS)).containsOnly("HATE");
    assertThat(ReactionCheck.acceptable(SENT, PAIRS, 9, CONNECTIONS)).containsOnly("HATE");
  }

  @Test
  void theLastRequestOfEachConnectionMayHaveBeenInFlightWhenWrkStopped() {
    assertThat(ReactionCheck.acceptable(SENT, PAIRS, 3, CONNECTIONS)).containsOnly("LIKE", "HATE");
    assertThat(ReactionCheck.acceptable(SENT, PAIRS, 4, CONNECTIONS)).containsOnly("LIKE", "HATE");
    assertThat(ReactionCheck.acceptable(2, PAIRS, 1, CONNECTIONS))
        .containsOnly("LIKE", ReactionCheck.NONE);
  }

  @Test
  void aPairWithoutRequestsHoldsNoReaction() {
    assertThat(ReactionCheck.acceptable(3, PAIRS, 7, CONNECTIONS)).containsOnly(ReactionCheck.NONE);
    assertThat(ReactionCheck.acceptable(0, PAIRS, 0, CONNECTIONS)).containsOnly(ReactionCheck.NONE);
  }
}
