package com.snackmanager.statistics.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.ExampleEvents;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.statistics.StatisticsServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The producers' published example events, fed through the real consumers: the consumer contract of
 * the statistics. Also: unknown event types are skipped but recorded, and a message that breaks the
 * contract goes to the dead-letter topic without stopping the stream.
 */
class ContractExamplesIT extends StatisticsServiceTest {

  @Autowired ConsumerFactory<String, String> consumers;

  @Test
  void theProducersExamplesAreUnderstood() {
    for (String topic : List.of(Topics.CATALOG, Topics.REACTIONS, Topics.ORDERS)) {
      List<EventEnvelope> examples = ExampleEvents.load(topic);
      assertThat(examples).isNotEmpty();
      // delivered twice: applied once
      publish(topic, examples.toArray(EventEnvelope[]::new));
      publish(topic, examples.toArray(EventEnvelope[]::new));
    }
    awaitCaughtUp();

    // placed 2026-03-31T14:30Z = 23:30 in Seoul; revised to the ramen only; APPROVED → ORDERED
    assertJson(
        getJson("/statistics/orders/2026/3/31"),
        figures("2026-03-31", "2026-03-31", "2026-03-31", 1, 2, "{\"KRW\":11960}", "ORDERED", 1));
    assertJson(
        getJson("/statistics/orders/list?year=2026&month=3&day=31"),
        "[{\"uid\":\"or_Xb3k9QpL\",\"owner_id\":42,\"owner_email\":\"ada@example.com\","
            + "\"status\":\"ORDERED\",\"created_at\":\"2026-03-31T14:30:00Z\","
            + "\"date\":\"2026-03-31\",\"total_quantity\":2,\"totals\":{\"KRW\":11960}}]");
    assertJson(
        getJson("/statistics/snacks?year=2026&month=3&day=31"),
        "[{\"snack_uid\":\"sn_7Kq2xP9a\",\"name\":\"삼양 불닭볶음면 140g 5개입\",\"quantity\":2,"
            + "\"order_count\":1,\"totals\":{\"KRW\":11960}}]");
    // the only reaction event: a member switched from HATE to LIKE (the delta, nothing else)
    JsonNode ramen = reactionsOf("sn_7Kq2xP9a");
    assertJson(
        ramen,
        "{\"snack_uid\":\"sn_7Kq2xP9a\",\"name\":\"삼양 불닭볶음면 140g 5개입\","
            + "\"like_reaction_count\":1,\"hate_reaction_count\":-1,\"like_ratio\":1}");
    // the snack the revision dropped keeps the name of its order line
    assertThat(reactionsOf("sn_P2m8vR4t").path("name").asString())
        .isEqualTo("Pringles Original 110g");
  }

  @Test
  void unknownEventTypesAreRecordedAndSkipped() {
    EventEnvelope unknown =
        new EventEnvelope(
            UUID.randomUUID(),
            "order.archived",
            1,
            Instant.now(),
            "or_contract_unknown",
            JsonMapper.shared().readTree("{\"order_uid\":\"or_contract_unknown\"}"));
    publish(Topics.ORDERS, unknown);
    awaitCaughtUp();
    assertThat(
            db.sql("SELECT count(*) AS n FROM inbox WHERE event_id = :id")
                .bind("id", unknown.eventId())
                .map(row -> row.get("n", Long.class))
                .one()
                .block())
        .isEqualTo(1);
    assertThat(
            db.sql("SELECT count(*) AS n FROM order_fact WHERE uid = 'or_contract_unknown'")
                .map(row -> row.get("n", Long.class))
                .one()
                .block())
        .isZero();
  }

  @Test
  void contractBreakingMessagesGoToTheDeadLetterTopicAndTheStreamGoesOn() {
    String key = "or_contract_" + UUID.randomUUID();
    String notAnEnvelope = "{\"hello\": \"" + key + "\"}";
    String zeroQuantity =
        codec
            .encode(
                placed(
                    key,
                    9,
                    "x@example.com",
                    "2030-06-01T12:00:00+09:00",
                    line("sn_contract", "x", 1, "1", "KRW")))
            .replace("\"quantity\":1", "\"quantity\":0");
    publishRaw(Topics.ORDERS, key, notAnEnvelope);
    publishRaw(Topics.ORDERS, key, zeroQuantity);
    publish(
        Topics.ORDERS,
        placed(
            key,
            9,
            "x@example.com",
            "2030-06-01T12:00:00+09:00",
            line("sn_contract", "x", 2, "1", "KRW")));
    awaitCaughtUp();

    assertJson(
        getJson("/statistics/orders/2030/6/1"),
        figures("2030-06-01", "2030-06-01", "2030-06-01", 1, 2, "{\"KRW\":2}", "CREATED", 1));
    List<String> deadLetters = new ArrayList<>();
    try (Consumer<String, String> reader =
        consumers.createConsumer("statistics-dlt-check-" + UUID.randomUUID(), null)) {
      List<TopicPartition> partitions =
          reader.partitionsFor(Topics.deadLetter(Topics.ORDERS)).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      reader.assign(partitions);
      reader.seekToBeginning(partitions);
      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () -> {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                  if (key.equals(record.key())) {
                    deadLetters.add(record.value());
                  }
                }
                assertThat(deadLetters).containsExactly(notAnEnvelope, zeroQuantity);
              });
    }
  }

  private JsonNode reactionsOf(String snackUid) {
    for (JsonNode snack : getJson("/statistics/reactions?page_size=1000")) {
      if (snack.path("snack_uid").asString().equals(snackUid)) {
        return snack;
      }
    }
    throw new AssertionError(snackUid + " is not listed");
  }
}
