package com.snackmanager.snack.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.reactions.ReactionChanged;
import com.snackmanager.snack.SnackServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The like/hate counts as projected from snack.reactions.v1: events go through Kafka to the real
 * listener, and the list ranks by the ratio they make.
 */
class ReactionProjectionIT extends SnackServiceTest {

  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EventCodec codec;
  @Autowired ConsumerFactory<String, String> consumers;

  private EventEnvelope reaction(String uid, long member, String previous, String current) {
    return codec.wrap(new ReactionChanged(uid, member, previous, current, 0, 0, Instant.now()));
  }

  private void publish(EventEnvelope envelope) {
    kafka.send(Topics.REACTIONS, envelope.aggregateId(), codec.encode(envelope)).join();
  }

  /** Publishes {@code likes} LIKE and {@code hates} HATE reactions of distinct members. */
  private List<EventEnvelope> react(String uid, int likes, int hates) {
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < likes + hates; i++) {
      EventEnvelope event = reaction(uid, 10_000 + i, null, i < likes ? "LIKE" : "HATE");
      publish(event);
      events.add(event);
    }
    return events;
  }

  private boolean processed(EventEnvelope envelope) {
    return count("SELECT count(*) FROM inbox WHERE event_id = $1", envelope.eventId()) == 1;
  }

  private void awaitProcessed(EventEnvelope envelope) {
    await().atMost(Duration.ofSeconds(60)).until(() -> processed(envelope));
  }

  private List<Long> counts(String uid) {
    JsonNode snack = snack(uid);
    return List.of(
        snack.get("like_reaction_count").longValue(), snack.get("hate_reaction_count").longValue());
  }

  private JsonNode snack(String uid) {
    return json(get("/snacks/" + uid, member()), HttpStatus.OK);
  }

  @Test
  void sevenLikesToThreeHatesRanksAboveSixtyToForty() {
    String tag = "Ratio" + unique();
    String seven = register(tag + " seven-three").get("uid").stringValue();
    String sixty = register(tag + " sixty-forty").get("uid").stringValue();
    String none = register(tag + " none").get("uid").stringValue();
    String three = register(tag + " three-zero").get("uid").stringValue();

    react(sixty, 60, 40);
    react(seven, 7, 3);
    List<EventEnvelope> last = react(three, 3, 0);
    awaitProcessed(last.get(last.size() - 1));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            // other snacks' events travel on other partitions: wait for every count
            () ->
                counts(sixty).equals(List.of(60L, 40L))
                    && counts(seven).equals(List.of(7L, 3L))
                    && counts(three).equals(List.of(3L, 0L)));

    JsonNode list = json(get("/snacks/?search=" + tag, member()), HttpStatus.OK);
    List<String> uids = new ArrayList<>();
    list.forEach(snack -> uids.add(snack.get("uid").stringValue()));
    assertThat(uids).containsExactly(three, seven, sixty, none);

    JsonNode sevenThree = list.get(1);
    assertThat(sevenThree.get("like_reaction_count").longValue()).isEqualTo(7);
    assertThat(sevenThree.get("hate_reaction_count").longValue()).isEqualTo(3);
    assertThat(sevenThree.get("like_ratio").decimalValue()).isEqualByComparingTo("2.333");
    assertThat(list.get(2).get("like_ratio").decimalValue()).isEqualByComparingTo("1.5");
    assertThat(list.get(0).get("like_ratio").decimalValue()).isEqualByComparingTo("3");
    assertThat(list.get(3).get("like_ratio").decimalValue()).isEqualByComparingTo("0");

    // and ordering by hates ascending, by likes descending
    JsonNode byHates =
        json(
            get("/snacks/?search=" + tag + "&ordering=-hate_reaction_count", member()),
            HttpStatus.OK);
    assertThat(byHates.get(0).get("uid").stringValue()).isEqualTo(sixty);
  }

  @Test
  void aCachedListPageShowsNewCountsAsSoonAsTheyAreApplied() {
    String tag = "Cached" + unique();
    String uid = register(tag + " chips").get("uid").stringValue();
    String page = "/snacks/?search=" + tag;
    assertThat(
            json(get(page, member()), HttpStatus.OK).get(0).get("like_reaction_count").longValue())
        .isZero();
    json(get(page, member()), HttpStatus.OK); // now served from the list cache

    List<EventEnvelope> events = react(uid, 2, 0);
    awaitProcessed(events.get(events.size() - 1));

    // the tests cache lists for an hour: only applying the counts can have dropped the page
    // (the inbox row commits a moment before the drop, hence the short wait)
    await()
        .atMost(Duration.ofSeconds(2))
        .until(
            () ->
                json(get(page, member()), HttpStatus.OK)
                        .get(0)
                        .get("like_reaction_count")
                        .longValue()
                    == 2);
  }

  @Test
  void aRedeliveredEventChangesTheCountsOnce() {
    String uid = register("재전송 " + unique()).get("uid").stringValue();
    EventEnvelope like = reaction(uid, 1, null, "LIKE");
    publish(like);
    publish(like);
    publish(like);
    EventEnvelope another = reaction(uid, 2, null, "LIKE");
    publish(another);
    // same key, same partition: once the later event is processed, so are the copies before it
    awaitProcessed(another);
    JsonNode snack = snack(uid);
    assertThat(snack.get("like_reaction_count").longValue()).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM inbox WHERE event_id = $1", like.eventId())).isOne();
  }

  @Test
  void switchingAndWithdrawingApplyTheirDeltas() {
    String uid = register("변심 " + unique()).get("uid").stringValue();
    publish(reaction(uid, 7, null, "LIKE"));
    publish(reaction(uid, 8, null, "LIKE"));
    publish(reaction(uid, 7, "LIKE", "HATE"));
    EventEnvelope withdraw = reaction(uid, 8, "LIKE", null);
    publish(withdraw);
    awaitProcessed(withdraw);
    JsonNode snack = snack(uid);
    assertThat(snack.get("like_reaction_count").longValue()).isZero();
    assertThat(snack.get("hate_reaction_count").longValue()).isOne();
    assertThat(snack.get("like_ratio").decimalValue()).isEqualByComparingTo("0");
    // a reaction change is no edit of the snack
    assertThat(snack.get("updated_at")).isEqualTo(snack.get("created_at"));
  }

  @Test
  void aReactionToAnUnknownSnackIsKeptPending() {
    String uid = "sn_zz" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    EventEnvelope like = reaction(uid, 3, null, "LIKE");
    publish(like);
    publish(reaction(uid, 4, null, "HATE"));
    EventEnvelope switched = reaction(uid, 3, "LIKE", "HATE");
    publish(switched);
    awaitProcessed(switched);
    assertThat(count("SELECT like_delta FROM pending_reaction_count WHERE snack_uid = $1", uid))
        .isZero();
    assertThat(count("SELECT hate_delta FROM pending_reaction_count WHERE snack_uid = $1", uid))
        .isEqualTo(2);
  }

  @Test
  void aMessageThatIsNoEventGoesToTheDeadLetterTopicAndTheNextOnesAreStillApplied() {
    String uid = register("독약 " + unique()).get("uid").stringValue();
    String poison = "not an event " + unique();
    kafka.send(Topics.REACTIONS, uid, poison).join();
    EventEnvelope like = reaction(uid, 5, null, "LIKE");
    publish(like);
    awaitProcessed(like);
    assertThat(snack(uid).get("like_reaction_count").longValue()).isOne();

    try (Consumer<String, String> dlt =
        consumers.createConsumer(
            "dlt-reader-" + unique(),
            null,
            null,
            propertiesOf(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"))) {
      dlt.subscribe(List.of(Topics.deadLetter(Topics.REACTIONS)));
      List<String> values = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record : dlt.poll(Duration.ofMillis(500))) {
                  values.add(record.value());
                }
                return values.contains(poison);
              });
    }
  }

  private static java.util.Properties propertiesOf(String key, String value) {
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty(key, value);
    return properties;
  }
}
