package com.snackmanager.reaction.snack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.events.catalog.SnackRegistered;
import com.snackmanager.events.catalog.SnackRetired;
import com.snackmanager.events.catalog.SnackUpdated;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.ExampleEvents;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.reaction.ReactionServiceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The consumer side of {@code snack.catalog.v1}: the snack-service's published examples go through
 * the real consumer, and a snack registered on Kafka takes reactions as soon as its event arrived.
 */
class CatalogContractIT extends ReactionServiceTest {

  @Autowired EventCodec codec;
  @Autowired KafkaTemplate<String, String> kafka;

  @Test
  void everyPublishedCatalogExampleIsUnderstood() {
    List<EventEnvelope> examples = ExampleEvents.load(Topics.CATALOG);
    assertThat(examples)
        .extracting(EventEnvelope::eventType)
        .containsExactlyInAnyOrder(SnackRegistered.TYPE, SnackUpdated.TYPE, SnackRetired.TYPE);
    String uid = ExampleEvents.load(Topics.CATALOG, SnackRegistered.TYPE).aggregateId();

    catalog.deliver(ExampleEvents.load(Topics.CATALOG, SnackRegistered.TYPE));
    assertThat(storedStatus(uid)).isEqualTo("ACTIVE");
    long member = newMember();
    react(uid, member, "LIKE").expectStatus().isOk();

    catalog.deliver(ExampleEvents.load(Topics.CATALOG, SnackUpdated.TYPE));
    assertThat(storedStatus(uid)).isEqualTo("ACTIVE");

    catalog.deliver(ExampleEvents.load(Topics.CATALOG, SnackRetired.TYPE));
    assertThat(storedStatus(uid)).isEqualTo("RETIRED");
    // a retired snack stays visible and keeps its reactions; members may still react
    assertThat(body(react(uid, member, "HATE"), HttpStatus.OK))
        .containsEntry("hate_reaction_count", 1);

    // the snacks keep the latest by event time: the consumer writes no inbox row
    for (EventEnvelope example : examples) {
      assertThat(inboxed(example.eventId())).isZero();
    }
  }

  @Test
  void aRedeliveredEventChangesNothing() {
    String uid = "sn_" + UUID.randomUUID().toString().substring(0, 8);
    Instant registeredAt = Instant.parse("2026-01-01T09:00:00Z");
    EventEnvelope registered = codec.wrap(registered(uid, registeredAt));
    EventEnvelope retired = codec.wrap(new SnackRetired(uid, 1, registeredAt.plusSeconds(60)));

    catalog.deliver(registered);
    catalog.deliver(retired);
    catalog.deliver(registered);
    catalog.deliver(retired);

    assertThat(storedStatus(uid)).isEqualTo("RETIRED");
    assertThat(inboxed(registered.eventId()) + inboxed(retired.eventId())).isZero();
  }

  @Test
  void anOlderEventNeverOverwritesANewerOne() {
    String uid = "sn_" + UUID.randomUUID().toString().substring(0, 8);
    Instant at = Instant.parse("2026-02-01T09:00:00Z");
    catalog.deliver(codec.wrap(new SnackRetired(uid, 1, at)));
    // re-published with a new event id, but older than the retirement
    catalog.deliver(codec.wrap(registered(uid, at.minusSeconds(3600))));
    assertThat(storedStatus(uid)).isEqualTo("RETIRED");
  }

  @Test
  void unknownEventTypesAreIgnored() {
    EventEnvelope example = ExampleEvents.load(Topics.CATALOG, SnackRegistered.TYPE);
    EventEnvelope unknown =
        new EventEnvelope(
            UUID.randomUUID(),
            "snack.renamed",
            1,
            Instant.now(),
            "sn_unknownType",
            example.payload());
    catalog.deliver(unknown);
    assertThat(
            db.sql("SELECT count(*) AS n FROM snack WHERE uid = 'sn_unknownType'")
                .map(row -> row.get("n", Long.class))
                .one()
                .block())
        .isZero();
  }

  @Test
  void aSnackRegisteredOnKafkaTakesReactionsOnceItsEventArrived() {
    String uid = "sn_" + UUID.randomUUID().toString().substring(0, 8);
    long member = newMember();
    react(uid, member, "LIKE").expectStatus().isNotFound();

    EventEnvelope registered = codec.wrap(registered(uid, Instant.now()));
    kafka.send(Topics.CATALOG, uid, codec.encode(registered)).join();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> react(uid, member, "LIKE").expectStatus().isOk());
    assertThat(body(mine(uid, member), HttpStatus.OK)).containsEntry("my_reaction", "LIKE");
  }

  private static SnackRegistered registered(String uid, Instant at) {
    return new SnackRegistered(
        uid,
        "Snack " + uid,
        "https://example.com",
        "",
        null,
        "USD",
        new BigDecimal("3.49"),
        "ACTIVE",
        7,
        at);
  }

  private long inboxed(UUID eventId) {
    return db.sql("SELECT count(*) AS n FROM inbox WHERE event_id = :id")
        .bind("id", eventId)
        .map(row -> row.get("n", Long.class))
        .one()
        .block();
  }
}
