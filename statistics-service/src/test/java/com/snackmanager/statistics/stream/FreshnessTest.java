package com.snackmanager.statistics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.statistics.stream.StreamProgress.TopicProgress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreshnessTest {

  static final Instant NOW = Instant.parse("2024-04-01T00:00:10Z");
  static final List<String> TOPICS = List.of("a", "b");

  @Test
  void caughtUpMeansNoLagWhateverTheAgeOfTheLastEvent() {
    Map<String, TopicProgress> progress =
        Map.of("a", new TopicProgress("a", 5, NOW.minusSeconds(3600), NOW.minusSeconds(60)));
    Freshness freshness = Freshness.of(NOW, "g", TOPICS, Map.of("a", 0L, "b", 0L), null, progress);
    assertThat(freshness.lagEvents()).isZero();
    assertThat(freshness.lagMs()).isZero();
    assertThat(freshness.topics().get(0).sinceLastAppliedMs()).isEqualTo(60_000L);
    assertThat(freshness.topics().get(1).eventsApplied()).isZero();
    assertThat(freshness.topics().get(1).lastAppliedAt()).isNull();
  }

  @Test
  void behindMeansTheAgeOfTheNewestAppliedEvent() {
    Map<String, TopicProgress> progress =
        Map.of(
            "a", new TopicProgress("a", 5, NOW.minusSeconds(2), NOW.minusSeconds(1)),
            "b", new TopicProgress("b", 1, NOW.minusSeconds(7), NOW.minusSeconds(1)));
    Freshness freshness = Freshness.of(NOW, "g", TOPICS, Map.of("a", 3L, "b", 1L), null, progress);
    assertThat(freshness.lagEvents()).isEqualTo(4);
    assertThat(freshness.topics())
        .extracting(Freshness.TopicFreshness::lagMs)
        .containsExactly(2000L, 7000L);
    assertThat(freshness.lagMs()).isEqualTo(7000L);
  }

  @Test
  void unknownLagIsNull() {
    Freshness unknown = Freshness.of(NOW, "g", TOPICS, null, "down", Map.of());
    assertThat(unknown.lagEvents()).isNull();
    assertThat(unknown.lagMs()).isNull();
    assertThat(unknown.kafkaError()).isEqualTo("down");

    Freshness neverApplied = Freshness.of(NOW, "g", TOPICS, Map.of("a", 2L), null, Map.of());
    assertThat(neverApplied.lagEvents()).isEqualTo(2);
    assertThat(neverApplied.lagMs()).isNull();
  }
}
