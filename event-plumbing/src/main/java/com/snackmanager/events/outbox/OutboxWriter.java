package com.snackmanager.events.outbox;

import com.snackmanager.events.envelope.DomainEvent;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the service's {@code outbox} table. It must run inside the caller's reactive
 * transaction (a {@code TransactionalOperator} or {@code @Transactional} around the state change
 * and the append), so the change and its event commit or roll back together.
 */
public class OutboxWriter {

  /**
   * The insert of one event's row, with parameters named {@code :outbox*} that {@link
   * PreparedEvent#bindTo} binds. A statement that writes a state change can embed it (as a
   * data-modifying {@code WITH} query) so that the change and its event take one round trip.
   */
  public static final String INSERT_EVENT =
      """
      INSERT INTO outbox
        (event_id, topic, aggregate_id, event_type, event_version, payload, headers)
      VALUES
        (:outboxEventId, :outboxTopic, :outboxAggregateId, :outboxEventType, :outboxEventVersion,
         :outboxPayload, CAST(:outboxHeaders AS jsonb))""";

  /**
   * The insert of many events' rows in the given order, with array parameters that {@link
   * PreparedEvents#bindTo} binds ({@code :eventIds}, {@code :topics}, ...). Like {@link
   * #INSERT_EVENT}, a statement that writes a state change can embed it.
   */
  public static final String INSERT_ALL =
      """
      INSERT INTO outbox
        (event_id, topic, aggregate_id, event_type, event_version, payload, headers)
      SELECT e.event_id, e.topic, e.aggregate_id, e.event_type, e.event_version, e.payload,
             CAST(e.headers AS jsonb)
      FROM unnest(CAST(:eventIds AS uuid[]), CAST(:topics AS text[]), CAST(:aggregateIds AS text[]),
                  CAST(:eventTypes AS text[]), CAST(:eventVersions AS integer[]),
                  CAST(:payloads AS text[]), CAST(:headers AS text[]))
           WITH ORDINALITY AS e(event_id, topic, aggregate_id, event_type, event_version, payload,
                                headers, n)
      ORDER BY e.n
      """;

  private final DatabaseClient db;
  private final EventCodec codec;
  private final TraceContext traceContext;

  public OutboxWriter(DatabaseClient db, EventCodec codec) {
    this(db, codec, TraceContext.NONE);
  }

  /**
   * @param traceContext the current trace context as Kafka headers (see {@link TraceHeaders})
   */
  public OutboxWriter(DatabaseClient db, EventCodec codec, TraceContext traceContext) {
    this.db = db;
    this.codec = codec;
    this.traceContext = traceContext;
  }

  /**
   * Wraps {@code event} in a new envelope and appends it for {@link DomainEvent#topic()}, with the
   * current trace context.
   */
  public Mono<Void> append(DomainEvent event) {
    return Mono.defer(() -> append(event.topic(), codec.wrap(event)));
  }

  /**
   * The trace context of the caller as Kafka headers. Code that appends later, outside the
   * request's Reactor context (a group commit, say), reads it here first and passes it to {@link
   * #appendAll}.
   */
  public Mono<Map<String, String>> currentTraceHeaders() {
    return traceContext.currentHeaders();
  }

  /** Appends an envelope with the current trace context. */
  public Mono<Void> append(String topic, EventEnvelope envelope) {
    return traceContext.currentHeaders().flatMap(headers -> append(topic, envelope, headers));
  }

  /**
   * @param headers extra Kafka headers for the record, e.g. trace context
   * @throws IllegalStateException (as the error signal) outside a transaction
   */
  public Mono<Void> append(String topic, EventEnvelope envelope, Map<String, String> headers) {
    return inTransaction()
        .then(
            Mono.defer(
                () -> prepared(topic, envelope, headers).bindTo(db.sql(INSERT_EVENT)).then()));
  }

  /**
   * {@code event} in a new envelope with the current trace context, as the row {@link
   * #INSERT_EVENT} writes, for a statement that writes its state change and the event at once.
   *
   * @throws IllegalStateException (as the error signal) outside a transaction
   */
  public Mono<PreparedEvent> prepare(DomainEvent event) {
    return inTransaction()
        .then(traceContext.currentHeaders())
        .map(headers -> prepared(event.topic(), codec.wrap(event), headers));
  }

  private PreparedEvent prepared(
      String topic, EventEnvelope envelope, Map<String, String> headers) {
    return new PreparedEvent(
        envelope.eventId(),
        topic,
        envelope.aggregateId(),
        envelope.eventType(),
        envelope.eventVersion(),
        codec.encode(envelope),
        JsonMapper.shared().writeValueAsString(headers));
  }

  /**
   * Appends several events with one statement, each with the headers it was traced with, in the
   * order given (so the relay publishes them in that order).
   *
   * @throws IllegalStateException (as the error signal) outside a transaction
   */
  public Mono<Void> appendAll(List<Traced> events) {
    if (events.isEmpty()) {
      return Mono.empty();
    }
    return prepareAll(events).flatMap(rows -> rows.bindTo(db.sql(INSERT_ALL)).then());
  }

  /**
   * {@code events}' rows as {@link #INSERT_ALL} writes them, each with the headers it was traced
   * with, for a statement that writes its state change and the events at once.
   *
   * @throws IllegalStateException (as the error signal) outside a transaction
   */
  public Mono<PreparedEvents> prepareAll(List<Traced> events) {
    return inTransaction()
        .then(
            Mono.fromSupplier(
                () -> {
                  int n = events.size();
                  PreparedEvents rows = new PreparedEvents(n);
                  for (int i = 0; i < n; i++) {
                    Traced traced = events.get(i);
                    rows.set(
                        i,
                        prepared(
                            traced.event().topic(), codec.wrap(traced.event()), traced.headers()));
                  }
                  return rows;
                }));
  }

  private static Mono<Void> inTransaction() {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .filter(TransactionSynchronizationManager::isActualTransactionActive)
        .onErrorResume(NoTransactionException.class, none -> Mono.empty())
        .switchIfEmpty(
            Mono.error(
                new IllegalStateException(
                    "OutboxWriter.append must run in the transaction of the state change")))
        .then();
  }

  /** One event's outbox row, encoded; {@link #bindTo} binds it to {@link #INSERT_EVENT}. */
  public record PreparedEvent(
      UUID eventId,
      String topic,
      String aggregateId,
      String eventType,
      int eventVersion,
      String payload,
      String headers) {

    /** Binds the row to a statement that holds {@link #INSERT_EVENT}. */
    public DatabaseClient.GenericExecuteSpec bindTo(DatabaseClient.GenericExecuteSpec statement) {
      return statement
          .bind("outboxEventId", eventId)
          .bind("outboxTopic", topic)
          .bind("outboxAggregateId", aggregateId)
          .bind("outboxEventType", eventType)
          .bind("outboxEventVersion", eventVersion)
          .bind("outboxPayload", payload)
          .bind("outboxHeaders", headers);
    }
  }

  /** Many events' outbox rows, encoded, as the arrays {@link #INSERT_ALL} takes. */
  public static final class PreparedEvents {

    private final String[] eventIds;
    private final String[] topics;
    private final String[] aggregateIds;
    private final String[] eventTypes;
    private final Integer[] eventVersions;
    private final String[] payloads;
    private final String[] headers;

    private PreparedEvents(int n) {
      eventIds = new String[n];
      topics = new String[n];
      aggregateIds = new String[n];
      eventTypes = new String[n];
      eventVersions = new Integer[n];
      payloads = new String[n];
      headers = new String[n];
    }

    private void set(int i, PreparedEvent row) {
      eventIds[i] = row.eventId().toString();
      topics[i] = row.topic();
      aggregateIds[i] = row.aggregateId();
      eventTypes[i] = row.eventType();
      eventVersions[i] = row.eventVersion();
      payloads[i] = row.payload();
      headers[i] = row.headers();
    }

    /** Binds the rows to a statement that holds {@link #INSERT_ALL}. */
    public DatabaseClient.GenericExecuteSpec bindTo(DatabaseClient.GenericExecuteSpec statement) {
      return statement
          .bind("eventIds", eventIds)
          .bind("topics", topics)
          .bind("aggregateIds", aggregateIds)
          .bind("eventTypes", eventTypes)
          .bind("eventVersions", eventVersions)
          .bind("payloads", payloads)
          .bind("headers", headers);
    }
  }

  /**
   * An event with the Kafka headers of the trace it belongs to.
   *
   * @param headers from {@link #currentTraceHeaders()} of the request that caused the event
   */
  public record Traced(DomainEvent event, Map<String, String> headers) {
    public Traced {
      headers = Map.copyOf(headers);
    }
  }
}
