package com.snackmanager.events.inbox;

import com.snackmanager.events.envelope.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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

  // the ids of a batch that are new: inserted now (a duplicate, even within the batch, is not)
  private static final String RECORD_ALL =
      """
      INSERT INTO inbox (event_id, event_type, topic)
      SELECT e.event_id, e.event_type, :topic
      FROM unnest(CAST(:eventIds AS uuid[]), CAST(:eventTypes AS text[])) AS e(event_id, event_type)
      ON CONFLICT (event_id) DO NOTHING
      RETURNING event_id
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

  /**
   * Runs {@code work} once for the items of a batch whose events this service has not processed, in
   * one transaction with recording all their ids (so a batch costs one commit, not one per event).
   * If {@code work} fails, nothing of the batch is recorded.
   *
   * @param envelopeOf the event of an item
   * @param work the consumer's update for the new items (never called with an empty list)
   * @return the new items, once committed
   */
  public <T> Mono<List<T>> processBatchOnce(
      List<T> items,
      Function<T, EventEnvelope> envelopeOf,
      String topic,
      Function<List<T>, Mono<Void>> work) {
    if (items.isEmpty()) {
      return Mono.just(List.of());
    }
    Mono<List<T>> once =
        Mono.defer(
                () -> {
                  String[] ids = new String[items.size()];
                  String[] types = new String[items.size()];
                  for (int i = 0; i < items.size(); i++) {
                    EventEnvelope envelope = envelopeOf.apply(items.get(i));
                    ids[i] = envelope.eventId().toString();
                    types[i] = envelope.eventType();
                  }
                  return db.sql(RECORD_ALL)
                      .bind("eventIds", ids)
                      .bind("eventTypes", types)
                      .bind("topic", topic)
                      .map(row -> row.get("event_id", UUID.class))
                      .all()
                      .collect(Collectors.toSet());
                })
            .flatMap(
                inserted -> {
                  List<T> fresh = new ArrayList<>(inserted.size());
                  for (T item : items) {
                    // the first of two items with one event id is the one that counts
                    if (inserted.remove(envelopeOf.apply(item).eventId())) {
                      fresh.add(item);
                    }
                  }
                  return fresh.isEmpty()
                      ? Mono.just(fresh)
                      : Mono.defer(() -> work.apply(fresh)).thenReturn(fresh);
                });
    return transactional
        .transactional(once)
        .doOnNext(
            fresh -> {
              if (log.isDebugEnabled()) {
                fresh.forEach(
                    item -> {
                      EventEnvelope envelope = envelopeOf.apply(item);
                      log.debug(
                          "Applied {} {} from {}", envelope.eventType(), envelope.eventId(), topic);
                    });
                log.debug(
                    "Batch of {} from {}: {} applied, {} duplicates skipped",
                    items.size(),
                    topic,
                    fresh.size(),
                    items.size() - fresh.size());
              }
            });
  }
}
