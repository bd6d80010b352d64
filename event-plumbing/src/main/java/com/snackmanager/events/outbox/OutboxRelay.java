package com.snackmanager.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the service's outbox rows to Kafka, oldest first, and deletes them (or, with a
 * retention, marks them published) once Kafka has acknowledged them. A batch that fails is left in
 * the table and retried with backoff, so a row is never dropped; it may be sent more than once
 * (consumers are idempotent).
 *
 * <p>No database transaction is open while Kafka is waited for (a slow or absent broker holds no
 * locks and no connection in a transaction): of several replicas of a service only the one holding
 * a session-level PostgreSQL advisory lock, on a connection of its own, publishes, so per-aggregate
 * order survives scaling. When that connection is lost, the lock is freed with it and another
 * replica takes over.
 */
public class OutboxRelay implements SmartLifecycle, DisposableBean {

  /** Kafka header carrying the envelope's {@code event_type}, for routing without decoding. */
  public static final String EVENT_TYPE_HEADER = "event_type";

  /**
   * The advisory lock key is this constant plus the oid of the service's own {@code outbox} table:
   * all services share one database, and a relay must exclude only its own service's replicas.
   */
  static final long LOCK_NAMESPACE = 0x534E4B4FL << 32;

  private static final String NEXT_BATCH =
      """
      SELECT id, topic, aggregate_id, event_type, payload, headers::text AS headers
      FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT :limit
      """;
  // retention 0 (production): a published row leaves the table, no second version of it is written
  private static final String DELETE_PUBLISHED = "DELETE FROM outbox WHERE id = ANY(:ids)";
  private static final String MARK_PUBLISHED =
      "UPDATE outbox SET published_at = now() WHERE id = ANY(:ids)";
  private static final String PURGE =
      "DELETE FROM outbox WHERE published_at < now() - :seconds * interval '1 second'";
  private static final String BACKLOG = "SELECT count(*) FROM outbox WHERE published_at IS NULL";
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private static final Duration BACKLOG_MEASURE_INTERVAL = Duration.ofSeconds(5);
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final DatabaseClient db;
  private final PublisherLock lock;
  private final DefaultKafkaProducerFactory<String, String> producerFactory;
  private final KafkaTemplate<String, String> kafka;
  private final OutboxProperties properties;

  private ScheduledThreadPoolExecutor executor;
  // touched only by the relay's own thread
  private int failures;
  private Instant nextPurge = Instant.MIN;
  private Instant nextBacklogCount = Instant.MIN;
  private volatile long lastBacklog = -1;

  /**
   * @param producerConfig Kafka producer settings (bootstrap servers, security); the relay forces
   *     an idempotent producer with {@code acks=all} and string serialisers on top of them
   */
  public OutboxRelay(
      DatabaseClient db, Map<String, Object> producerConfig, OutboxProperties properties) {
    this.db = db;
    this.lock = new PublisherLock(db.getConnectionFactory());
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    this.producerFactory = new DefaultKafkaProducerFactory<>(config);
    // nothing unacknowledged is lost on close: its rows are still unpublished
    producerFactory.setPhysicalCloseTimeout((int) STOP_GRACE.toSeconds());
    this.kafka = new KafkaTemplate<>(producerFactory);
    // the relay logs a failed batch itself, once per failure streak, not each record at ERROR
    kafka.setProducerListener(new ProducerListener<>() {});
    this.properties = properties;
  }

  /**
   * Publishes the oldest unpublished rows (at most {@code batch-size}).
   *
   * @return how many rows were published: 0 when there were none or another replica holds the lock
   */
  public Mono<Integer> publishNextBatch() {
    return lock.hold().flatMap(held -> held ? publishHeld() : Mono.just(0));
  }

  /** How many rows wait to be published: a gauge of how far the relay is behind. */
  public Mono<Long> backlog() {
    return db.sql(BACKLOG).map(row -> row.get(0, Long.class)).one();
  }

  /** Deletes published rows older than {@code snack.outbox.retention}; returns how many. */
  public Mono<Long> purgePublished() {
    return db.sql(PURGE).bind("seconds", properties.retention().toSeconds()).fetch().rowsUpdated();
  }

  /**
   * Reads a batch, sends it, and once Kafka has acknowledged every row deletes the rows (the
   * default: no second version of each row, see docs/decisions.md) or, with a retention, marks them
   * published (kept for inspection until the purge). Each statement commits on its own.
   */
  private Mono<Integer> publishHeld() {
    boolean keep = !properties.retention().isZero();
    return db.sql(NEXT_BATCH)
        .bind("limit", properties.batchSize())
        .map(
            row ->
                new OutboxRow(
                    row.get("id", Long.class),
                    row.get("topic", String.class),
                    row.get("aggregate_id", String.class),
                    row.get("event_type", String.class),
                    row.get("payload", String.class),
                    row.get("headers", String.class)))
        .all()
        .collectSortedList(Comparator.comparingLong(OutboxRow::id))
        .flatMap(
            rows -> {
              if (rows.isEmpty()) {
                return Mono.just(0);
              }
              return send(rows).then(published(rows, keep)).thenReturn(rows.size());
            });
  }

  /** Sends every row, in id order, and completes once Kafka has acknowledged them all. */
  private Mono<Void> send(List<OutboxRow> rows) {
    return Mono.defer(
            () -> {
              CompletableFuture<?>[] acks =
                  rows.stream().map(this::send).toArray(CompletableFuture<?>[]::new);
              return Mono.fromFuture(CompletableFuture.allOf(acks));
            })
        // KafkaProducer.send may block while it fetches metadata: keep that off the R2DBC threads
        .subscribeOn(Schedulers.boundedElastic());
  }

  private CompletableFuture<?> send(OutboxRow row) {
    List<Header> headers = new ArrayList<>();
    headers.add(header(EVENT_TYPE_HEADER, row.eventType()));
    JsonMapper.shared()
        .readValue(row.headers(), HEADERS)
        .forEach((name, value) -> headers.add(header(name, value)));
    return kafka.send(
        new ProducerRecord<>(row.topic(), null, row.aggregateId(), row.payload(), headers));
  }

  private Mono<Long> published(List<OutboxRow> rows, boolean keep) {
    Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
    return db.sql(keep ? MARK_PUBLISHED : DELETE_PUBLISHED).bind("ids", ids).fetch().rowsUpdated();
  }

  private static Header header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private void tick(ScheduledThreadPoolExecutor on) {
    Duration pause;
    try {
      int published = publishNextBatch().block();
      purgeIfDue();
      measureBacklogIfDue();
      if (failures > 0) {
        log.info("Outbox relay recovered after {} failed attempts", failures);
        failures = 0;
      }
      pause = published >= properties.batchSize() ? Duration.ZERO : properties.pollInterval();
    } catch (RuntimeException e) {
      failures++;
      if (failures == 1) {
        log.warn("Outbox relay cannot publish; retrying with backoff until it can", e);
      } else {
        log.debug("Outbox relay attempt {} failed: {}", failures, e.toString());
      }
      pause = backoff();
    }
    try {
      on.schedule(() -> tick(on), pause.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopping) {
      // stop() shut the executor down while this tick ran
    }
  }

  private void purgeIfDue() {
    Instant now = Instant.now();
    if (now.isAfter(nextPurge)) {
      long deleted = purgePublished().block();
      log.debug("Outbox relay purged {} published rows", deleted);
      nextPurge = now.plus(properties.purgeInterval());
    }
  }

  private void measureBacklogIfDue() {
    Instant now = Instant.now();
    if (now.isAfter(nextBacklogCount)) {
      lastBacklog = backlog().block();
      nextBacklogCount = now.plus(BACKLOG_MEASURE_INTERVAL);
    }
  }

  /**
   * Rows waiting to be published, as last counted by the relay (at most a few seconds old): the
   * {@code snack.outbox.backlog} gauge. {@code -1} before the first count.
   */
  public long lastBacklog() {
    return lastBacklog;
  }

  private Duration backoff() {
    Duration grown = properties.pollInterval().multipliedBy(1L << Math.min(failures - 1, 20));
    return grown.compareTo(properties.maxBackoff()) < 0 ? grown : properties.maxBackoff();
  }

  @Override
  public synchronized void start() {
    if (executor == null) {
      ScheduledThreadPoolExecutor started =
          new ScheduledThreadPoolExecutor(1, task -> new Thread(task, "snack-outbox-relay"));
      // on stop, drop the pending next tick but let a running one finish
      started.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      started.execute(() -> tick(started));
      executor = started;
    }
  }

  @Override
  public void stop() {
    ScheduledThreadPoolExecutor stopping;
    synchronized (this) {
      stopping = executor;
      executor = null;
    }
    if (stopping == null) {
      releaseLock();
      return;
    }
    stopping.shutdown();
    try {
      if (!stopping.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        // Kafka is slow or gone: interrupting the tick cancels the batch before its rows are
        // deleted; they are published again after a restart
        stopping.shutdownNow();
        stopping.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      stopping.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      releaseLock();
    }
  }

  /**
   * Lets another replica publish: frees the lock (by closing its connection) if this relay held it.
   */
  private void releaseLock() {
    lock.release();
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  @Override
  public void destroy() {
    stop();
    producerFactory.destroy();
  }

  private record OutboxRow(
      long id,
      String topic,
      String aggregateId,
      String eventType,
      String payload,
      String headers) {}
}
