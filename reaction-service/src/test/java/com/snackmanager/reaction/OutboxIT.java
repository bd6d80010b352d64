package com.snackmanager.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every accepted change leaves exactly one reaction.changed event, written in its transaction. */
class OutboxIT extends ReactionServiceTest {

  @Autowired MeterRegistry meters;

  @Test
  void setSwitchAndWithdrawEachWriteOneEventWithPreviousAndCurrent() {
    String snack = newSnack();
    long member = newMember();
    long other = newMember();

    react(snack, member, "LIKE").expectStatus().isOk();
    react(snack, other, "LIKE").expectStatus().isOk();
    react(snack, member, "HATE").expectStatus().isOk();
    withdraw(snack, member).expectStatus().isOk();
    // refused requests write nothing
    react(snack, other, "LIKE").expectStatus().isBadRequest();
    withdraw(snack, member).expectStatus().isNotFound();

    List<JsonNode> events =
        outboxEvents(snack).stream().map(JsonMapper.shared()::readTree).toList();
    assertThat(events).hasSize(4);
    assertThat(events)
        .allSatisfy(
            envelope -> {
              assertThat(envelope.get("event_type").asString()).isEqualTo("reaction.changed");
              assertThat(envelope.get("event_version").asInt()).isEqualTo(1);
              assertThat(envelope.get("aggregate_id").asString()).isEqualTo(snack);
              assertThat(envelope.get("payload").get("snack_uid").asString()).isEqualTo(snack);
              assertThat(envelope.get("payload").get("changed_at").asString())
                  .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
            });
    assertThat(events.stream().map(e -> summary(e.get("payload"))).toList())
        .containsExactly(
            Map.of("member", member, "previous", "-", "current", "LIKE", "likes", 1L, "hates", 0L),
            Map.of("member", other, "previous", "-", "current", "LIKE", "likes", 2L, "hates", 0L),
            Map.of(
                "member", member, "previous", "LIKE", "current", "HATE", "likes", 1L, "hates", 1L),
            Map.of("member", member, "previous", "HATE", "current", "-", "likes", 1L, "hates", 0L));

    List<String> topics =
        db.sql("SELECT DISTINCT topic FROM outbox WHERE aggregate_id = :uid")
            .bind("uid", snack)
            .map(row -> row.get("topic", String.class))
            .all()
            .collectList()
            .block();
    assertThat(topics).containsExactly("snack.reactions.v1");
  }

  @Test
  void eachEventCarriesTheTraceOfItsRequestThoughABatchWritesIt() {
    String snack = newSnack();
    List<String> traceIds = new ArrayList<>();
    List<Mono<Integer>> requests = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String traceId =
          String.format("%032x", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
      traceIds.add(traceId);
      requests.add(
          status(
              http()
                  .post()
                  .uri(path(snack))
                  .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                  .headers(h -> h.setBearerAuth(token(newMember())))
                  .bodyValue(Map.of("type", "LIKE"))));
    }
    // concurrent, so that several share a group-commit transaction
    assertThat(Flux.merge(requests).collectList().block()).containsOnly(200);

    List<String> traceparents =
        db.sql("SELECT headers->>'traceparent' AS tp FROM outbox WHERE aggregate_id = :uid")
            .bind("uid", snack)
            .map(row -> row.get("tp", String.class))
            .all()
            .collectList()
            .block();
    assertThat(traceparents).hasSize(8);
    assertThat(traceparents.stream().map(tp -> tp.split("-")[1]).toList())
        .containsExactlyInAnyOrderElementsOf(traceIds);
  }

  @Test
  void committedChangesAreCountedByKind() {
    String snack = newSnack();
    long member = newMember();
    double set = reactions("set");
    double switched = reactions("switch");
    double withdrawn = reactions("withdraw");

    react(snack, member, "LIKE").expectStatus().isOk();
    react(snack, member, "LIKE").expectStatus().isBadRequest();
    react(snack, member, "HATE").expectStatus().isOk();
    withdraw(snack, member).expectStatus().isOk();
    withdraw(snack, member).expectStatus().isNotFound();

    assertThat(reactions("set")).isEqualTo(set + 1);
    assertThat(reactions("switch")).isEqualTo(switched + 1);
    assertThat(reactions("withdraw")).isEqualTo(withdrawn + 1);
  }

  private double reactions(String change) {
    return meters.get("snack.reactions").tag("change", change).counter().count();
  }

  @Test
  void theRelayPublishesTheEvents() {
    String snack = newSnack();
    react(snack, newMember(), "HATE").expectStatus().isOk();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                db.sql(
                            "SELECT count(*) AS n FROM outbox"
                                + " WHERE aggregate_id = :uid AND published_at IS NULL")
                        .bind("uid", snack)
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block()
                    == 0);
    assertThat(outboxEvents(snack)).hasSize(1);
  }

  private static Map<String, Object> summary(JsonNode payload) {
    return Map.of(
        "member", payload.get("member_id").asLong(),
        "previous", payload.get("previous").asString("-"),
        "current", payload.get("current").asString("-"),
        "likes", payload.get("like_reaction_count").asLong(),
        "hates", payload.get("hate_reaction_count").asLong());
  }
}
