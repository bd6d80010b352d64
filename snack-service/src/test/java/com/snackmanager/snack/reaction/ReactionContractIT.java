package com.snackmanager.snack.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.ExampleEvents;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.reactions.ReactionChanged;
import com.snackmanager.snack.SnackServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Consumer contract: the reaction-service's published examples (event-contracts) go through Kafka
 * and this service's real listener, exactly as the producer will send them.
 */
class ReactionContractIT extends SnackServiceTest {

  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EventCodec codec;

  private void publish(EventEnvelope envelope) {
    kafka.send(Topics.REACTIONS, envelope.aggregateId(), codec.encode(envelope)).join();
  }

  private void awaitProcessed(EventEnvelope envelope) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> count("SELECT count(*) FROM inbox WHERE event_id = $1", envelope.eventId()) == 1);
  }

  @Test
  void everyPublishedExampleIsConsumedAndRecorded() {
    List<EventEnvelope> examples = ExampleEvents.load(Topics.REACTIONS);
    assertThat(examples).extracting(EventEnvelope::eventType).contains(ReactionChanged.TYPE);
    examples.forEach(this::publish);
    examples.forEach(this::awaitProcessed);

    // the example's snack is not one of ours: its delta (HATE -> LIKE) is kept, not lost
    EventEnvelope example = ExampleEvents.load(Topics.REACTIONS, ReactionChanged.TYPE);
    String uid = example.payload().get("snack_uid").stringValue();
    assertThat(count("SELECT like_delta FROM pending_reaction_count WHERE snack_uid = $1", uid))
        .isEqualTo(1);
    assertThat(count("SELECT hate_delta FROM pending_reaction_count WHERE snack_uid = $1", uid))
        .isEqualTo(-1);
  }

  @Test
  void theReactionChangedExampleMovesAKnownSnacksCounts() {
    String uid =
        register(FIXTURES.get(1).name() + " " + unique(), FIXTURES.get(1)).get("uid").stringValue();
    EventEnvelope example = ExampleEvents.load(Topics.REACTIONS, ReactionChanged.TYPE);
    long member = example.payload().get("member_id").longValue();
    // the member's earlier reaction the example switches from
    publish(codec.wrap(new ReactionChanged(uid, member, null, "HATE", 0, 1, Instant.now())));

    ObjectNode payload = (ObjectNode) example.payload().deepCopy();
    payload.put("snack_uid", uid);
    EventEnvelope retargeted =
        new EventEnvelope(
            UUID.randomUUID(),
            example.eventType(),
            example.eventVersion(),
            example.occurredAt(),
            uid,
            payload);
    publish(retargeted);
    awaitProcessed(retargeted);

    JsonNode snack = json(get("/snacks/" + uid, member()), HttpStatus.OK);
    assertThat(snack.get("like_reaction_count").longValue()).isOne();
    assertThat(snack.get("hate_reaction_count").longValue()).isZero();
    assertThat(snack.get("like_ratio").decimalValue()).isEqualByComparingTo("1");
  }
}
