package com.snackmanager.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.bench.data.Pools.Pair;
import com.snackmanager.bench.wrk.WrkResult;
import java.util.List;
import java.util.Map;
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

  @Test
  void aPairThatHeldALikeStartsWithAHateAndOneThatHeldAHateWithALike() {
    assertThat(ReactionCheck.startOf("LIKE")).isEqualTo(1);
    assertThat(ReactionCheck.startOf("HATE")).isZero();
    assertThat(ReactionCheck.startOf(ReactionCheck.NONE)).isZero();
    // pair 0 got three requests, pair 5 two, pair 7 none of this run's 25
    assertThat(ReactionCheck.acceptable(SENT, PAIRS, 0, CONNECTIONS, "LIKE")).containsOnly("HATE");
    assertThat(ReactionCheck.acceptable(SENT, PAIRS, 5, CONNECTIONS, "LIKE")).containsOnly("LIKE");
    assertThat(ReactionCheck.acceptable(SENT, PAIRS, 0, CONNECTIONS, "HATE")).containsOnly("LIKE");
    assertThat(ReactionCheck.acceptable(SENT, PAIRS, 5, CONNECTIONS, "HATE")).containsOnly("HATE");
    assertThat(ReactionCheck.acceptable(3, PAIRS, 7, CONNECTIONS, "LIKE")).containsOnly("LIKE");
    // the in-flight request of a pair that held a reaction may have left it as it was
    assertThat(ReactionCheck.acceptable(2, PAIRS, 1, CONNECTIONS, "LIKE"))
        .containsOnly("HATE", "LIKE");
  }

  @Test
  void aWindowIsComparedWithWhatThePoolHeldBeforeIt() {
    // two threads over four pairs: thread 0 has pairs 0 and 2, thread 1 pairs 1 and 3
    List<Pair> pairs =
        List.of(
            new Pair(1, 11, "sn_a"),
            new Pair(2, 12, "sn_b"),
            new Pair(3, 13, "sn_c"),
            new Pair(4, 14, "sn_d"));
    List<String> before = List.of("LIKE", ReactionCheck.NONE, "HATE", "LIKE");
    // thread 0 sent 3 (pair 0: HATE, LIKE; pair 2: LIKE), thread 1 sent 2 (one each)
    WrkResult result =
        new WrkResult(
            "window",
            5,
            1,
            1,
            1,
            1,
            1,
            0,
            Map.of(200, 5L),
            List.of(new WrkResult.ThreadCount(0, 3, null), new WrkResult.ThreadCount(1, 2, null)));

    ReactionCheck.Outcome good =
        ReactionCheck.compare(pairs, before, List.of("LIKE", "LIKE", "LIKE", "HATE"), result, 2, 0);
    ReactionCheck.Outcome bad =
        ReactionCheck.compare(pairs, before, List.of("LIKE", "LIKE", "HATE", "HATE"), result, 2, 0);

    assertThat(good.passed()).isTrue();
    assertThat(good.describe()).startsWith("4 pairs checked, 0 mismatched");
    assertThat(bad.passed()).isFalse();
    assertThat(bad.examples()).singleElement().asString().contains("sn_c");
    ReactionCheck.Outcome both = good.plus(bad);
    assertThat(both.runs()).isEqualTo(2);
    assertThat(both.pairs()).isEqualTo(8);
    assertThat(both.mismatches()).isEqualTo(1);
    assertThat(both.describe()).contains("over 2 windows");
    assertThat(ReactionCheck.Outcome.NONE_YET.passed()).isFalse();
  }
}
