package com.snackmanager.events.outbox;

import com.snackmanager.events.envelope.DomainEvent;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import java.util.List;
import java.util.Map;
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

  private static final String INSERT =
      """
      INSERT INTO outbox
        (event_id, topic, aggregate_id, event_type, event_version, payload, headers)
      VALUES
        (:eventId, :topic, :aggregateId, :eventType, :eventVersion, :payload, CAST(:headers AS jsonb))
      """;
  // many events in one statement (and one round trip), in the given order
  private static final String INSERT_ALL =
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
            db.sql(INSERT)
                .bind("eventId", envelope.eventId())
                .bind("topic", topic)
                .bind("aggregateId", envelope.aggregateId())
                .bind("eventType", envelope.eventType())
                .bind("eventVersion", envelope.eventVersion())
                .bind("payload", codec.encode(envelope))
                .bind("headers", JsonMapper.shared().writeValueAsString(headers))
                .then());
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
    return Mono.defer(
        () -> {
          int n = events.size();
          String[] eventIds = new String[n];
          String[] topics = new String[n];
          String[] aggregateIds = new String[n];
          String[] eventTypes = new String[n];
          Integer[] eventVersions = new Integer[n];
          String[] payloads = new String[n];
          String[] headers = new String[n];
          for (int i = 0; i < n; i++) {
            Traced traced = events.get(i);
            EventEnvelope envelope = codec.wrap(traced.event());
            eventIds[i] = envelope.eventId().toString();
            topics[i] = traced.event().topic();
            aggregateIds[i] = envelope.aggregateId();
            eventTypes[i] = envelope.eventType();
            eventVersions[i] = envelope.eventVersion();
            payloads[i] = codec.encode(envelope);
            headers[i] = JsonMapper.shared().writeValueAsString(traced.headers());
          }
          return inTransaction()
              .then(
                  db.sql(INSERT_ALL)
                      .bind("eventIds", eventIds)
                      .bind("topics", topics)
                      .bind("aggregateIds", aggregateIds)
                      .bind("eventTypes", eventTypes)
                      .bind("eventVersions", eventVersions)
                      .bind("payloads", payloads)
                      .bind("headers", headers)
                      .then());
        });
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
