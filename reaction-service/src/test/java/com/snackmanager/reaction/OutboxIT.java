package com.snackmanager.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every accepted change leaves exactly one reaction.changed event, written in its transaction. */
class OutboxIT extends ReactionServiceTest {

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
