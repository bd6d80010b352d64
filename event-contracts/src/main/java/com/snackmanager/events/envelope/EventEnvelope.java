package com.snackmanager.events.envelope;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What travels on every topic: a typed, versioned, uniquely identified event with its payload.
 * Serialised by {@link EventCodec} with snake_case field names ({@code event_id}, {@code
 * event_type}, ...) and ISO-8601 timestamps.
 *
 * @param eventId unique per event; consumers record it to process each event once
 * @param eventType the stable contract name, e.g. {@code user.registered}
 * @param eventVersion the payload schema version of that type, starting at 1
 * @param occurredAt when the change happened
 * @param aggregateId the id of the changed aggregate; also the Kafka key, so one aggregate's events
 *     stay in order
 * @param payload the event's own fields, a JSON object
 */
public record EventEnvelope(
    UUID eventId,
    String eventType,
    int eventVersion,
    Instant occurredAt,
    String aggregateId,
    JsonNode payload) {

  public EventEnvelope {
    Objects.requireNonNull(eventId, "event_id is required");
    requireText(eventType, "event_type");
    if (eventVersion < 1) {
      throw new IllegalArgumentException("event_version must be 1 or more, was " + eventVersion);
    }
    Objects.requireNonNull(occurredAt, "occurred_at is required");
    requireText(aggregateId, "aggregate_id");
    if (payload == null || !payload.isObject()) {
      throw new IllegalArgumentException("payload must be a JSON object");
    }
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
  }
}
