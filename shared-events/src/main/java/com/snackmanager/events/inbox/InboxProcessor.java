package com.snackmanager.events.inbox;

import com.snackmanager.events.envelope.EventEnvelope;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Processes each consumed event at most once per service: the event id goes into the service's
 * {@code inbox} table in the same transaction as the work it causes.
 */
public class InboxProcessor {

  private static final String RECORD =
      """
      INSERT INTO inbox (event_id, event_type, topic) VALUES (:eventId, :eventType, :topic)
      ON CONFLICT (event_id) DO NOTHING
      """;

  private final DatabaseClient db;
  private final TransactionalOperator transactional;

  private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);

  public InboxProcessor(DatabaseClient db, ReactiveTransactionManager transactionManager) {
    this.db = db;
    this.transactional = TransactionalOperator.create(transactionManager);
  }

  /**
   * Runs {@code work} for {@code envelope} unless this service already processed that event id.
   * Both happen in one transaction: if {@code work} fails, the event is not recorded either, so a
   * redelivery tries again.
   *
   * @param work the consumer's update, through R2DBC so it joins the transaction
   * @return {@code true} if the work ran, {@code false} for a duplicate (nothing changed)
   */
  public Mono<Boolean> processOnce(
      EventEnvelope envelope, String topic, Function<EventEnvelope, Mono<Void>> work) {
    Mono<Boolean> once =
        db.sql(RECORD)
            .bind("eventId", envelope.eventId())
            .bind("eventType", envelope.eventType())
            .bind("topic", topic)
            .fetch()
            .rowsUpdated()
            .flatMap(
                inserted ->
                    inserted == 0
                        ? Mono.just(false)
                        : Mono.defer(() -> work.apply(envelope)).thenReturn(true));
    return transactional
        .transactional(once)
        .doOnNext(
            applied ->
                log.debug(
                    "{} {} {} from {}",
                    applied ? "Applied" : "Skipped duplicate",
                    envelope.eventType(),
                    envelope.eventId(),
                    topic));
  }
}
