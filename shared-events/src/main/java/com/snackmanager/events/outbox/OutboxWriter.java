package com.snackmanager.events.outbox;

import com.snackmanager.events.envelope.DomainEvent;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
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

  /** Appends an envelope with the current trace context. */
  public Mono<Void> append(String topic, EventEnvelope envelope) {
    return traceContext.currentHeaders().flatMap(headers -> append(topic, envelope, headers));
  }

  /**
   * @param headers extra Kafka headers for the record, e.g. trace context
   * @throws IllegalStateException (as the error signal) outside a transaction
   */
  public Mono<Void> append(String topic, EventEnvelope envelope, Map<String, String> headers) {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .filter(TransactionSynchronizationManager::isActualTransactionActive)
        .onErrorResume(NoTransactionException.class, none -> Mono.empty())
        .switchIfEmpty(
            Mono.error(
                new IllegalStateException(
                    "OutboxWriter.append must run in the transaction of the state change")))
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
}
