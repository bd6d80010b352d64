package com.snackmanager.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.snackmanager.events.EventsIntegrationTest;
import com.snackmanager.events.EventsTestApplication;
import com.snackmanager.events.TestTick;
import com.snackmanager.events.TopicReader;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.testsupport.FreePorts;
import com.snackmanager.testsupport.ServiceDatabase;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/** The auto-configured relay against the real PostgreSQL and Kafka. */
class OutboxRelayIT extends EventsIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Autowired OutboxRelay relay;
  @Autowired OutboxWriter outbox;
  @Autowired EventCodec codec;
  @Autowired DatabaseClient db;
  @Autowired TransactionalOperator transactional;
  @Autowired OutboxProperties properties;

  @AfterEach
  void relayKeepsRunningForTheNextTest() {
    relay.start();
  }

  @Test
  void publishesEachAggregatesEventsInOrderKeyedByAggregateId() {
    String run = UUID.randomUUID().toString();
    List<EventEnvelope> appended = new ArrayList<>();
    // interleaved, several transactions, so the ids of one aggregate are not contiguous
    for (int seq = 0; seq < 20; seq++) {
      List<EventEnvelope> round = new ArrayList<>();
      for (String stream : List.of("a", "b", "c")) {
        round.add(codec.wrap(new TestTick(run + "-" + stream, seq)));
      }
      appendAll(round, Map.of());
      appended.addAll(round);
    }

    List<ConsumerRecord<String, String>> received = awaitOnKafka(ids(appended));

    Map<String, List<Integer>> seqsByKey =
        received.stream()
            .collect(
                Collectors.groupingBy(
                    ConsumerRecord::key,
                    Collectors.mapping(
                        record -> codec.payload(codec.decode(record.value()), TestTick.class).seq(),
                        Collectors.toList())));
    List<Integer> inOrder = IntStream.range(0, 20).boxed().toList();
    assertThat(seqsByKey)
        .containsOnlyKeys(run + "-a", run + "-b", run + "-c")
        .allSatisfy((key, seqs) -> assertThat(seqs).isEqualTo(inOrder));
    assertThat(received)
        .allSatisfy(
            record -> {
              assertThat(header(record, OutboxRelay.EVENT_TYPE_HEADER)).isEqualTo(TestTick.TYPE);
              assertThat(record.key()).isEqualTo(codec.decode(record.value()).aggregateId());
            });
    await().atMost(PATIENCE).until(() -> unpublished(appended) == 0);
  }

  @Test
  void sendsTheStoredHeadersWithTheRecord() {
    EventEnvelope envelope = codec.wrap(new TestTick(UUID.randomUUID().toString(), 0));
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    appendAll(List.of(envelope), Map.of("traceparent", traceparent));

    ConsumerRecord<String, String> record = awaitOnKafka(ids(List.of(envelope))).get(0);
    assertThat(header(record, "traceparent")).isEqualTo(traceparent);
    assertThat(codec.decode(record.value())).isEqualTo(envelope);
  }

  @Test
  void aStoppedRelayPublishesNothingAndCatchesUpWhenStartedAgain() {
    relay.stop();
    List<EventEnvelope> appended = ticks(10);
    appendAll(appended, Map.of());

    assertThat(relay.isRunning()).isFalse();
    assertThat(unpublished(appended)).isEqualTo(10);

    relay.start();

    assertThat(seqs(awaitOnKafka(ids(appended))))
        .isEqualTo(IntStream.range(0, 10).boxed().toList());
    await().atMost(PATIENCE).until(() -> unpublished(appended) == 0);
  }

  @Test
  void whileKafkaIsUnreachableNothingIsMarkedPublishedAndNothingIsLost() {
    relay.stop();
    List<EventEnvelope> appended = ticks(5);
    appendAll(appended, Map.of());
    Map<String, Object> unreachable =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            "127.0.0.1:" + FreePorts.find(),
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            1000);
    OutboxRelay cutOff = new OutboxRelay(db, unreachable, properties);
    try {
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThatThrownBy(() -> cutOff.publishNextBatch().block())
            .hasRootCauseInstanceOf(TimeoutException.class);
      }
    } finally {
      cutOff.destroy();
    }
    assertThat(unpublished(appended)).isEqualTo(5);

    relay.start();

    assertThat(seqs(awaitOnKafka(ids(appended)))).isEqualTo(IntStream.range(0, 5).boxed().toList());
    await().atMost(PATIENCE).until(() -> unpublished(appended) == 0);
  }

  @Test
  void noTransactionIsOpenWhileKafkaIsWaitedFor() {
    relay.stop();
    appendAll(ticks(2), Map.of());
    Map<String, Object> slow =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            "127.0.0.1:" + FreePorts.find(),
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            4000);
    OutboxRelay waiting = new OutboxRelay(db, slow, properties);
    try {
      CompletableFuture<Integer> batch = waiting.publishNextBatch().toFuture();

      // for a second and a half the relay has read its batch and waits for the broker's metadata
      await()
          .during(Duration.ofMillis(1500))
          .atMost(Duration.ofSeconds(3))
          .untilAsserted(
              () -> {
                assertThat(batch).isNotDone();
                assertThat(sessionsInATransaction()).isZero();
              });
      assertThatThrownBy(batch::join).hasRootCauseInstanceOf(TimeoutException.class);
    } finally {
      waiting.destroy();
    }
  }

  @Test
  void aBatchWithOneFailedSendIsRetriedWhole() {
    relay.stop();
    List<EventEnvelope> appended = ticks(3);
    EventEnvelope first = appended.get(0);
    EventEnvelope poisoned = appended.get(1);
    appendAll(List.of(first), Map.of());
    transactional.transactional(outbox.append("not a valid topic!", poisoned)).block();
    appendAll(List.of(appended.get(2)), Map.of());

    // the first record may well reach Kafka, but the batch as a whole was not acknowledged
    assertThatThrownBy(() -> relay.publishNextBatch().block())
        .hasRootCauseInstanceOf(InvalidTopicException.class);
    assertThat(unpublished(appended)).isEqualTo(3);

    // an operator repairs the row; the relay then publishes the whole batch again
    db.sql("UPDATE outbox SET topic = :topic WHERE event_id = :eventId")
        .bind("topic", EventsTestApplication.RELAY_TOPIC)
        .bind("eventId", poisoned.eventId())
        .then()
        .block();
    relay.start();

    List<ConsumerRecord<String, String>> received = awaitOnKafka(ids(appended));
    assertThat(seqs(received)).containsSubsequence(0, 1, 2);
    await().atMost(PATIENCE).until(() -> unpublished(appended) == 0);
  }

  @Test
  void onlyOneRelayPerServicePublishesAtATime() throws Exception {
    relay.stop();
    List<EventEnvelope> appended = ticks(2);
    appendAll(appended, Map.of());
    ServiceDatabase catalog = ServiceDatabase.CATALOG;

    // another replica of the same service holds the lock in its open batch transaction
    try (Connection replica =
        DriverManager.getConnection(
            SnackTestInfrastructure.get().jdbcUrl(), catalog.role(), catalog.password())) {
      replica.setAutoCommit(false);
      try (PreparedStatement lock =
          replica.prepareStatement(
              "SELECT pg_advisory_xact_lock(? + 'outbox'::regclass::oid::bigint)")) {
        lock.setLong(1, OutboxRelay.LOCK_NAMESPACE);
        lock.execute();
      }

      assertThat(relay.publishNextBatch().block()).isZero();
      assertThat(unpublished(appended)).isEqualTo(2);

      replica.commit();
    }

    assertThat(relay.publishNextBatch().block()).isGreaterThanOrEqualTo(2);
    assertThat(unpublished(appended)).isZero();
    awaitOnKafka(ids(appended));
  }

  @Test
  void withoutRetentionEachRowIsDeletedOnceKafkaHasIt() {
    relay.stop();
    List<EventEnvelope> appended = ticks(6);
    appendAll(appended, Map.of());
    OutboxRelay deleting = relayWithoutRetention(SnackTestInfrastructure.get().kafkaBootstrap());
    try {
      await().atMost(PATIENCE).until(() -> deleting.publishNextBatch().block() == 0);
    } finally {
      deleting.destroy();
    }

    assertThat(rows(appended)).isZero();
    assertThat(seqs(awaitOnKafka(ids(appended)))).isEqualTo(IntStream.range(0, 6).boxed().toList());
  }

  @Test
  void withoutRetentionAFailedSendDeletesNothing() {
    relay.stop();
    List<EventEnvelope> appended = ticks(4);
    appendAll(appended, Map.of());
    OutboxRelay cutOff = relayWithoutRetention("127.0.0.1:" + FreePorts.find());
    try {
      assertThatThrownBy(() -> cutOff.publishNextBatch().block())
          .hasRootCauseInstanceOf(TimeoutException.class);
    } finally {
      cutOff.destroy();
    }

    assertThat(rows(appended)).isEqualTo(4);
    relay.start();
    assertThat(seqs(awaitOnKafka(ids(appended)))).isEqualTo(IntStream.range(0, 4).boxed().toList());
  }

  @Test
  void purgesPublishedRowsPastTheirRetentionOnly() {
    relay.stop();
    EventEnvelope old = codec.wrap(new TestTick(UUID.randomUUID().toString(), 0));
    EventEnvelope recent = codec.wrap(new TestTick(old.aggregateId(), 1));
    EventEnvelope oldButUnpublished = codec.wrap(new TestTick(old.aggregateId(), 2));
    appendAll(List.of(old, recent, oldButUnpublished), Map.of());
    setTimes(old, "now() - interval '8 days'", "now() - interval '8 days'");
    setTimes(recent, "now() - interval '8 days'", "now() - interval '1 minute'");
    setTimes(oldButUnpublished, "now() - interval '8 days'", "NULL");

    relay.purgePublished().block();

    assertThat(
            db.sql("SELECT event_id FROM outbox WHERE aggregate_id = :id")
                .bind("id", old.aggregateId())
                .map(row -> row.get(0, UUID.class))
                .all()
                .collectList()
                .block())
        .containsExactlyInAnyOrder(recent.eventId(), oldButUnpublished.eventId());
  }

  @Test
  void reportsTheBacklog() {
    relay.stop();
    long before = relay.backlog().block();

    appendAll(ticks(4), Map.of());

    assertThat(relay.backlog().block()).isEqualTo(before + 4);
  }

  private List<EventEnvelope> ticks(int count) {
    String stream = UUID.randomUUID().toString();
    return IntStream.range(0, count)
        .mapToObj(seq -> codec.wrap(new TestTick(stream, seq)))
        .toList();
  }

  private void appendAll(List<EventEnvelope> envelopes, Map<String, String> headers) {
    transactional
        .transactional(
            Flux.fromIterable(envelopes)
                .concatMap(
                    envelope ->
                        outbox.append(EventsTestApplication.RELAY_TOPIC, envelope, headers)))
        .blockLast();
  }

  private void setTimes(EventEnvelope envelope, String createdAt, String publishedAt) {
    db.sql(
            "UPDATE outbox SET created_at = "
                + createdAt
                + ", published_at = "
                + publishedAt
                + " WHERE event_id = :eventId")
        .bind("eventId", envelope.eventId())
        .then()
        .block();
  }

  /** A relay as production runs it: rows deleted as they are published. */
  private OutboxRelay relayWithoutRetention(String bootstrapServers) {
    OutboxProperties deleting =
        new OutboxProperties(
            properties.pollInterval(),
            properties.batchSize(),
            Duration.ZERO,
            properties.purgeInterval(),
            properties.maxBackoff(),
            properties.relay());
    Map<String, Object> producer =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            1000);
    return new OutboxRelay(db, producer, deleting);
  }

  /** Sessions of this database idle inside a transaction for a while (waiting on something). */
  private long sessionsInATransaction() {
    return db.sql(
            """
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND state LIKE 'idle in transaction%'
              AND state_change < now() - interval '500 milliseconds'
            """)
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }

  private long rows(List<EventEnvelope> envelopes) {
    return db.sql("SELECT count(*) FROM outbox WHERE event_id = ANY(:ids)")
        .bind("ids", envelopes.stream().map(EventEnvelope::eventId).toArray(UUID[]::new))
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }

  private long unpublished(List<EventEnvelope> envelopes) {
    return db.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL AND event_id = ANY(:ids)")
        .bind("ids", envelopes.stream().map(EventEnvelope::eventId).toArray(UUID[]::new))
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }

  private static Set<UUID> ids(List<EventEnvelope> envelopes) {
    return envelopes.stream().map(EventEnvelope::eventId).collect(Collectors.toSet());
  }

  /** The records of {@code eventIds} on the relay topic, once each has arrived at least once. */
  private List<ConsumerRecord<String, String>> awaitOnKafka(Set<UUID> eventIds) {
    try (TopicReader reader =
        new TopicReader(
            SnackTestInfrastructure.get().kafkaBootstrap(), EventsTestApplication.RELAY_TOPIC)) {
      return await()
          .atMost(PATIENCE)
          .until(
              () ->
                  reader.poll().stream()
                      .filter(record -> eventIds.contains(codec.decode(record.value()).eventId()))
                      .toList(),
              records ->
                  records.stream()
                      .map(record -> codec.decode(record.value()).eventId())
                      .collect(Collectors.toSet())
                      .equals(eventIds));
    }
  }

  private List<Integer> seqs(List<ConsumerRecord<String, String>> records) {
    return records.stream()
        .map(record -> codec.payload(codec.decode(record.value()), TestTick.class).seq())
        .toList();
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
