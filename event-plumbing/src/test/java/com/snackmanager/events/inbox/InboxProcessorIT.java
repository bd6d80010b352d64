package com.snackmanager.events.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.events.EventsIntegrationTest;
import com.snackmanager.events.TestCounters;
import com.snackmanager.events.TestTick;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class InboxProcessorIT extends EventsIntegrationTest {

  @Autowired InboxProcessor inbox;
  @Autowired EventCodec codec;
  @Autowired DatabaseClient db;

  @Test
  void theSameEventProcessedTwiceIsAppliedOnce() {
    EventEnvelope event = newEvent();

    Boolean first = inbox.processOnce(event, "test.topic", this::increment).block();
    Boolean second = inbox.processOnce(event, "test.topic", this::increment).block();

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(counter(event)).isEqualTo(1);
    assertThat(inboxRows(event)).isEqualTo(1);
  }

  @Test
  void concurrentDeliveriesOfOneEventAreAppliedOnce() {
    EventEnvelope event = newEvent();

    List<Boolean> results =
        Mono.zip(
                inbox.processOnce(event, "test.topic", this::increment),
                inbox.processOnce(event, "test.topic", this::increment),
                (a, b) -> List.of(a, b))
            .block();

    assertThat(results).containsExactlyInAnyOrder(true, false);
    assertThat(counter(event)).isEqualTo(1);
  }

  @Test
  void failedWorkRollsBackTheRecordedEventIdSoARedeliveryRetries() {
    EventEnvelope event = newEvent();

    assertThatThrownBy(
            () ->
                inbox
                    .processOnce(
                        event,
                        "test.topic",
                        e ->
                            increment(e)
                                .then(Mono.error(new IllegalStateException("projection broke"))))
                    .block())
        .hasMessageContaining("projection broke");
    assertThat(counter(event)).isZero();
    assertThat(inboxRows(event)).isZero();

    assertThat(inbox.processOnce(event, "test.topic", this::increment).block()).isTrue();
    assertThat(counter(event)).isEqualTo(1);
  }

  @Test
  void workThatThrowsInsteadOfSignallingAnErrorRollsBackToo() {
    EventEnvelope event = newEvent();

    assertThatThrownBy(
            () ->
                inbox
                    .processOnce(
                        event,
                        "test.topic",
                        e -> {
                          throw new IllegalArgumentException("bad handler");
                        })
                    .block())
        .hasMessageContaining("bad handler");
    assertThat(inboxRows(event)).isZero();
  }

  @Test
  void aBatchAppliesOnlyItsNewEventsOnceEachInOneTransaction() {
    EventEnvelope seen = newEvent();
    EventEnvelope fresh = newEvent();
    inbox.processOnce(seen, "test.topic", this::increment).block();

    List<EventEnvelope> applied =
        inbox
            .processBatchOnce(
                List.of(seen, fresh, fresh), // a redelivery and a duplicate within the batch
                e -> e,
                "test.topic",
                events -> Flux.fromIterable(events).concatMap(this::increment).then())
            .block();

    assertThat(applied).containsExactly(fresh);
    assertThat(counter(seen)).isEqualTo(1);
    assertThat(counter(fresh)).isEqualTo(1);
    assertThat(inboxRows(fresh)).isEqualTo(1);
  }

  @Test
  void aFailedBatchRecordsNoneOfItsEvents() {
    EventEnvelope first = newEvent();
    EventEnvelope second = newEvent();

    assertThatThrownBy(
            () ->
                inbox
                    .processBatchOnce(
                        List.of(first, second),
                        e -> e,
                        "test.topic",
                        events ->
                            increment(events.get(0))
                                .then(Mono.error(new IllegalStateException("projection broke"))))
                    .block())
        .hasMessageContaining("projection broke");
    assertThat(inboxRows(first) + inboxRows(second)).isZero();
    assertThat(counter(first)).isZero();
  }

  private EventEnvelope newEvent() {
    return codec.wrap(new TestTick(UUID.randomUUID().toString(), 0));
  }

  private Mono<Void> increment(EventEnvelope event) {
    return TestCounters.increment(db, event.aggregateId());
  }

  private int counter(EventEnvelope event) {
    return TestCounters.value(db, event.aggregateId());
  }

  private long inboxRows(EventEnvelope event) {
    return db.sql("SELECT count(*) FROM inbox WHERE event_id = :id")
        .bind("id", event.eventId())
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }
}
