package com.snackmanager.events.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.events.EventsIntegrationTest;
import com.snackmanager.events.TestCounters;
import com.snackmanager.events.catalog.SnackRegistered;
import com.snackmanager.events.catalog.SnackRetired;
import com.snackmanager.events.catalog.SnackUpdated;
import com.snackmanager.events.envelope.DomainEvent;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.MalformedEventException;
import com.snackmanager.events.envelope.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The consumer template on the real database: dispatch, versions, contracts, duplicates. */
class EventConsumerIT extends EventsIntegrationTest {

  @Autowired EventConsumers consumers;
  @Autowired EventCodec codec;
  @Autowired DatabaseClient db;

  private final String run = UUID.randomUUID().toString();

  /** Counts, per snack, the registrations and retirements it handled, and every event it saw. */
  private EventConsumer consumer() {
    return consumers
        .topic(Topics.CATALOG)
        .on(
            SnackRegistered.class,
            (event, envelope) -> {
              if (event.name() == null) {
                throw new IllegalArgumentException("name is required");
              }
              return TestCounters.increment(db, run + "/registered/" + event.snackUid());
            })
        .on(
            SnackRetired.class,
            (event, envelope) -> TestCounters.increment(db, run + "/retired/" + event.snackUid()))
        .forEach(envelope -> TestCounters.increment(db, run + "/seen"))
        .build();
  }

  @Test
  void eachEventTypeGoesToItsHandlerOnceAndEveryEventIsSeen() {
    EventConsumer consumer = consumer();
    String registered = codec.encode(codec.wrap(registered("s1", "새우깡")));

    consumer.consume(registered);
    consumer.consume(registered); // a redelivery
    consumer.consume(codec.encode(codec.wrap(new SnackRetired("s1", 1L, Instant.now()))));

    assertThat(counter("/registered/s1")).isEqualTo(1);
    assertThat(counter("/retired/s1")).isEqualTo(1);
    assertThat(counter("/seen")).isEqualTo(2);
  }

  @Test
  void anEventTypeWithoutAHandlerIsRecordedAndSkipped() {
    EventConsumer consumer = consumer();
    EventEnvelope updated = codec.wrap(updated("s2"));

    assertThat(consumer.apply(updated).block()).isTrue();
    assertThat(consumer.apply(updated).block()).isFalse();

    assertThat(counter("/seen")).isEqualTo(1);
  }

  @Test
  void anotherVersionOfAKnownTypeBreaksTheContractAndChangesNothing() {
    EventEnvelope v1 = codec.wrap(registered("s3", "꼬북칩"));
    EventEnvelope v2 =
        new EventEnvelope(
            v1.eventId(), v1.eventType(), 2, v1.occurredAt(), v1.aggregateId(), v1.payload());

    assertThatThrownBy(() -> consumer().consume(codec.encode(v2)))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("version 2 is not supported");
    assertThat(counter("/registered/s3")).isZero();
    assertThat(inboxRows(v2)).isZero();
  }

  @Test
  void aPayloadTheHandlerRefusesOrThatDoesNotFitBreaksTheContract() {
    EventEnvelope nameless = codec.wrap(registered("s4", null));

    assertThatThrownBy(() -> consumer().apply(nameless))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("name is required")
        .hasMessageContaining(nameless.eventId().toString());
    assertThatThrownBy(() -> consumer().consume("{\"event_type\":\"snack.registered\""))
        .isInstanceOf(MalformedEventException.class);
    assertThat(inboxRows(nameless)).isZero();
  }

  @Test
  void aFailingUpdateLeavesTheEventUnrecordedSoARedeliveryAppliesIt() {
    EventEnvelope registered = codec.wrap(registered("s5", "홈런볼"));
    EventConsumer failing =
        consumers
            .topic(Topics.CATALOG)
            .on(
                SnackRegistered.class,
                (event, envelope) ->
                    TestCounters.increment(db, run + "/registered/s5")
                        .then(Mono.error(new IllegalStateException("database said no"))))
            .build();

    assertThatThrownBy(() -> failing.apply(registered).block()).hasMessageContaining("said no");
    assertThat(counter("/registered/s5")).isZero();
    assertThat(inboxRows(registered)).isZero();

    assertThat(consumer().apply(registered).block()).isTrue();
    assertThat(counter("/registered/s5")).isEqualTo(1);
  }

  @Test
  void aLatestWinsConsumerWritesNoInboxRowAndAnOlderOrRepeatedEventChangesNothing() {
    String snack = run + "/price";
    EventConsumer latestWins =
        consumers
            .topic(Topics.CATALOG)
            .on(SnackRegistered.class, (event, envelope) -> price(snack, event.price()))
            .on(SnackUpdated.class, (event, envelope) -> price(snack, event.price()))
            .latestWins()
            .build();
    EventEnvelope registered = codec.wrap(registered("s6", "포카칩")); // 1500
    EventEnvelope updated = codec.wrap(updated("s6")); // 1600

    assertThat(latestWins.apply(registered).block()).isTrue();
    latestWins.apply(updated).block();
    latestWins.apply(registered).block(); // late redelivery of the older event
    latestWins.apply(updated).block(); // and a duplicate of the newer one

    assertThat(TestCounters.value(db, snack)).isEqualTo(1600);
    assertThat(inboxRows(registered) + inboxRows(updated)).isZero();
  }

  /** A latest-wins update: the stored value only ever grows (a stand-in for a version). */
  private Mono<Void> price(String name, BigDecimal price) {
    return db.sql(
            """
            INSERT INTO test_counter (name, value) VALUES (:name, :value)
            ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value
            WHERE test_counter.value <= EXCLUDED.value
            """)
        .bind("name", name)
        .bind("value", price.intValueExact())
        .then();
  }

  @Test
  void aTableNamesEachTypeOnceAndOnlyRecordsThatDeclareTheirTypeAndVersion() {
    EventConsumer.Builder table =
        consumers.topic(Topics.CATALOG).on(SnackRetired.class, (event, envelope) -> Mono.empty());

    assertThatThrownBy(() -> table.on(SnackRetired.class, (event, envelope) -> Mono.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("snack.retired has a handler already");
    assertThatThrownBy(() -> table.on(Undeclared.class, (event, envelope) -> Mono.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no public constant TYPE");
  }

  /** An event record without the TYPE and VERSION constants. */
  record Undeclared() implements DomainEvent {
    @Override
    public String topic() {
      return Topics.CATALOG;
    }

    @Override
    public String eventType() {
      return "test.undeclared";
    }

    @Override
    public int eventVersion() {
      return 1;
    }

    @Override
    public String aggregateId() {
      return "x";
    }
  }

  private static SnackRegistered registered(String uid, String name) {
    return new SnackRegistered(
        uid,
        name,
        "https://example.com",
        "",
        null,
        "KRW",
        new BigDecimal("1500"),
        "ACTIVE",
        1L,
        Instant.now());
  }

  private static SnackUpdated updated(String uid) {
    return new SnackUpdated(
        uid,
        "새우깡",
        "https://example.com",
        "",
        null,
        "KRW",
        new BigDecimal("1600"),
        "ACTIVE",
        1L,
        Instant.now());
  }

  private int counter(String name) {
    return TestCounters.value(db, run + name);
  }

  private long inboxRows(EventEnvelope event) {
    return db.sql("SELECT count(*) FROM inbox WHERE event_id = :id")
        .bind("id", event.eventId())
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }
}
