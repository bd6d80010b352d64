package com.snackmanager.statistics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.statistics.StatisticsServiceTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /statistics/rebuild} empties the projections and replays every topic from the
 * beginning: every endpoint answers exactly as before, byte for byte (whatever else the other test
 * classes fed into the topics is replayed too).
 */
class RebuildIT extends StatisticsServiceTest {

  static final MediaType CSV = MediaType.parseMediaType("text/csv");

  /** Responses compared before and after the rebuild. */
  static final List<String> PATHS =
      List.of(
          "/statistics/orders?period=month&from=2020-01-01&to=2032-12-31",
          "/statistics/orders?period=week&from=2024-01-01&to=2032-12-31",
          "/statistics/orders?period=day&from=2032-02-01&to=2032-03-31",
          "/statistics/orders?period=year&from=2000-01-01&to=2040-12-31",
          "/statistics/orders/2032",
          "/statistics/orders/2032/2/weeks/1",
          "/statistics/orders/list?page_size=1000",
          "/statistics/snacks?page_size=1000",
          "/statistics/snacks?year=2032",
          "/statistics/reactions?page_size=1000&ordering=snack_uid");

  @Test
  void replayingEveryStreamFromTheStartGivesIdenticalFigures() {
    String feb = "2032-02-29T18:00:00+09:00";
    String mar = "2032-03-01T08:00:00+09:00";
    EventEnvelope revision =
        revised(
            "or_t32_1",
            feb,
            "2032-02-29T18:10:00+09:00",
            line("sn_t32_a", "A", 3, "1.10", "USD"),
            line("sn_t32_b", "B", 1, "700", "KRW"));
    publish(Topics.CATALOG, registered("sn_t32_a", "Rebuild A", "2032-01-01T00:00:00Z"));
    publish(
        Topics.ORDERS,
        placed("or_t32_1", 1, "a@example.com", feb, line("sn_t32_a", "A", 1, "1.10", "USD")),
        revision,
        revision,
        placed("or_t32_2", 2, "b@example.com", mar, line("sn_t32_b", "B", 2, "700", "KRW")),
        moved("or_t32_2", "CREATED", "CANCELLED", mar),
        moved("or_t32_1", "CREATED", "APPROVED", feb));
    EventEnvelope like = reaction("sn_t32_a", 1, null, "LIKE");
    publish(Topics.REACTIONS, like, like, reaction("sn_t32_b", 2, null, "HATE"));
    awaitCaughtUp();
    assertJson(
        getJson("/statistics/orders/2032"),
        figures(
            "2032",
            "2032-01-01",
            "2032-12-31",
            2,
            4,
            "{\"KRW\":700,\"USD\":3.3}",
            "APPROVED",
            1,
            "CANCELLED",
            1));

    Map<String, String> before = snapshot();
    long appliedBefore = eventsApplied();

    get("/statistics/rebuild", member(), null)
        .expectStatus()
        .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    client
        .post()
        .uri("/statistics/rebuild")
        .headers(h -> h.setBearerAuth(member()))
        .exchange()
        .expectStatus()
        .isForbidden();
    client.post().uri("/statistics/rebuild").exchange().expectStatus().isUnauthorized();
    JsonNode started =
        tree(
            client
                .post()
                .uri("/statistics/rebuild/")
                .headers(h -> h.setBearerAuth(admin()))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    assertThat(started.path("events_to_replay").asLong()).isGreaterThanOrEqualTo(appliedBefore);
    assertThat(started.path("detail").asString()).contains("replayed");

    awaitCaughtUp();
    assertThat(snapshot()).isEqualTo(before);
    assertThat(eventsApplied()).isEqualTo(appliedBefore);
    // every row was written again by the replay: the tables had really been emptied
    Instant startedAt = Instant.parse(started.path("started_at").asString());
    assertThat(rows("SELECT count(*) AS n FROM inbox WHERE processed_at < :t", startedAt)).isZero();
    assertThat(rows("SELECT count(*) AS n FROM order_fact WHERE updated_at < :t", startedAt))
        .isZero();
    assertThat(rows("SELECT count(*) AS n FROM inbox WHERE processed_at >= :t", startedAt))
        .isPositive();
  }

  private long rows(String sql, Instant instant) {
    return db.sql(sql).bind("t", instant).map(row -> row.get("n", Long.class)).one().block();
  }

  private Map<String, String> snapshot() {
    Map<String, String> responses = new LinkedHashMap<>();
    for (String path : PATHS) {
      responses.put(path, getBody(path, MediaType.APPLICATION_JSON));
      responses.put(path + " (csv)", getBody(path, CSV));
    }
    return responses;
  }

  /** Distinct events applied across the topics (the inbox makes redeliveries not count). */
  private long eventsApplied() {
    long applied = 0;
    for (JsonNode topic : getJson("/statistics/freshness").path("topics")) {
      applied += topic.path("events_applied").asLong();
    }
    return applied;
  }
}
