package com.snackmanager.order.reaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.ExampleEvents;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.reactions.ReactionChanged;
import com.snackmanager.order.OrderServiceTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reaction-service's published example, fed through Kafka to the real reaction consumer, moves
 * the counts by its delta; redeliveries and out-of-order arrivals leave exact counts.
 */
class ReactionContractIT extends OrderServiceTest {

  @Autowired ReactionListener reactionListener;

  private List<Long> counts(String snackUid) {
    return db.sql("SELECT likes, hates FROM snack_reaction_count WHERE snack_uid = :uid")
        .bind("uid", snackUid)
        .map(row -> List.of(row.get("likes", Long.class), row.get("hates", Long.class)))
        .one()
        .defaultIfEmpty(List.of(0L, 0L))
        .block();
  }

  @Test
  void theExampleSwitchFromHateToLikeMovesOneCountAcross() {
    EventEnvelope example = ExampleEvents.load(Topics.REACTIONS, ReactionChanged.TYPE);
    assertThat(ExampleEvents.load(Topics.REACTIONS)).containsExactly(example);
    String snackUid = example.aggregateId();
    List<Long> before = counts(snackUid);

    publishAndAwait(Topics.REACTIONS, example);
    // the delta (-1 hate, +1 like), not the informational totals (7, 3) inside the event
    assertThat(counts(snackUid)).containsExactly(before.get(0) + 1, before.get(1) - 1);

    // delivered again (as after a crash before the offset commit): nothing changes
    reactionListener.onMessages(
        List.of(new ConsumerRecord<>(Topics.REACTIONS, 0, 0L, snackUid, codec.encode(example))));
    assertThat(counts(snackUid)).containsExactly(before.get(0) + 1, before.get(1) - 1);
  }

  @Test
  void outOfOrderEventsStillGiveExactCounts() {
    String snackUid = "sn_react_" + UUID.randomUUID().toString().substring(0, 8);
    // member 1: none -> HATE -> LIKE, delivered switch first; member 2: none -> HATE -> none
    react(snackUid, 1, "HATE", "LIKE");
    assertThat(counts(snackUid)).containsExactly(1L, -1L);
    react(snackUid, 1, null, "HATE");
    react(snackUid, 2, null, "HATE");
    react(snackUid, 2, "HATE", null);
    assertThat(counts(snackUid)).containsExactly(1L, 0L);
  }

  @Test
  void aBadRecordAmidGoodOnesIsDeadLetteredAndTheOthersApplied() {
    String snackUid = "sn_mixed_" + UUID.randomUUID().toString().substring(0, 8);
    EventEnvelope before =
        codec.wrap(new ReactionChanged(snackUid, 1, null, "LIKE", 1, 0, Instant.now()));
    EventEnvelope bad =
        codec.wrap(new ReactionChanged(snackUid, 2, null, "MEH", 1, 0, Instant.now()));
    EventEnvelope after =
        codec.wrap(new ReactionChanged(snackUid, 3, null, "HATE", 1, 1, Instant.now()));
    // one key, one partition: the three arrive in order, most likely in one poll
    send(Topics.REACTIONS, before);
    send(Topics.REACTIONS, bad);
    send(Topics.REACTIONS, after);

    assertThat(
            awaitRecord(
                Topics.deadLetter(Topics.REACTIONS),
                r -> r.value().contains(bad.eventId().toString())))
        .isNotNull();
    awaitProcessed(after);
    assertThat(counts(snackUid)).containsExactly(1L, 1L);
  }

  @Test
  void anUnknownReactionGoesToTheDeadLetterTopic() {
    String snackUid = "sn_love_" + UUID.randomUUID().toString().substring(0, 8);
    EventEnvelope love =
        codec.wrap(new ReactionChanged(snackUid, 7, null, "LOVE", 1, 0, Instant.now()));
    send(Topics.REACTIONS, love);
    assertThat(
            awaitRecord(
                Topics.deadLetter(Topics.REACTIONS),
                r -> r.value().contains(love.eventId().toString())))
        .isNotNull();
    assertThat(counts(snackUid)).containsExactly(0L, 0L);
  }
}
