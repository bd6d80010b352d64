package com.snackmanager.statistics.stream;

import com.snackmanager.events.envelope.EventEnvelope;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How far each topic has been applied: counted in the transaction of each applied event (so it
 * never runs ahead of the figures), read by the freshness endpoint.
 */
@Component
public class StreamProgress {

  private static final String RECORD =
      """
      INSERT INTO stream_progress AS p
        (topic, events_applied, last_event_occurred_at, last_applied_at)
      VALUES (:topic, 1, :occurredAt, now())
      ON CONFLICT (topic) DO UPDATE SET
        events_applied = p.events_applied + 1,
        last_event_occurred_at = GREATEST(p.last_event_occurred_at, EXCLUDED.last_event_occurred_at),
        last_applied_at = now()
      """;
  private static final String RECORD_ALL =
      """
      INSERT INTO stream_progress AS p
        (topic, events_applied, last_event_occurred_at, last_applied_at)
      VALUES (:topic, :count, :occurredAt, now())
      ON CONFLICT (topic) DO UPDATE SET
        events_applied = p.events_applied + EXCLUDED.events_applied,
        last_event_occurred_at = GREATEST(p.last_event_occurred_at, EXCLUDED.last_event_occurred_at),
        last_applied_at = now()
      """;
  private static final String READ =
      """
      SELECT topic, events_applied, last_event_occurred_at, last_applied_at FROM stream_progress
      """;

  /**
   * @param eventsApplied events applied since the projections were last emptied
   * @param lastEventOccurredAt the latest {@code occurred_at} among them
   * @param lastAppliedAt when the last of them was applied
   */
  public record TopicProgress(
      String topic, long eventsApplied, Instant lastEventOccurredAt, Instant lastAppliedAt) {}

  private final DatabaseClient db;

  StreamProgress(DatabaseClient db) {
    this.db = db;
  }

  /** Counts {@code envelope} as applied; must run in the transaction that applied it. */
  public Mono<Void> record(String topic, EventEnvelope envelope) {
    return db.sql(RECORD).bind("topic", topic).bind("occurredAt", envelope.occurredAt()).then();
  }

  /** Counts a batch of applied events at once; must run in the transaction that applied them. */
  public Mono<Void> recordAll(String topic, List<EventEnvelope> envelopes) {
    if (envelopes.isEmpty()) {
      return Mono.empty();
    }
    Instant latest =
        envelopes.stream().map(EventEnvelope::occurredAt).max(Comparator.naturalOrder()).get();
    return db.sql(RECORD_ALL)
        .bind("topic", topic)
        .bind("count", (long) envelopes.size())
        .bind("occurredAt", latest)
        .then();
  }

  public Mono<Map<String, TopicProgress>> byTopic() {
    return db.sql(READ)
        .map(
            row ->
                new TopicProgress(
                    row.get("topic", String.class),
                    row.get("events_applied", Long.class),
                    row.get("last_event_occurred_at", Instant.class),
                    row.get("last_applied_at", Instant.class)))
        .all()
        .collect(Collectors.toMap(TopicProgress::topic, Function.identity()));
  }
}
