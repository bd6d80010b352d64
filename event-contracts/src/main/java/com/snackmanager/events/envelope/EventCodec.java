package com.snackmanager.events.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns domain events into envelopes and envelopes into JSON and back. It owns its mapper so the
 * wire format does not change with an application's own Jackson settings.
 */
public final class EventCodec {

  private final JsonMapper mapper =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          // tolerant reader: a producer may add payload fields within a version
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          // amounts (prices) keep every digit, 12.50 stays 12.50
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .addModule(UtcInstants.module())
          .build();

  private final Clock clock;

  public EventCodec() {
    this(Clock.systemUTC());
  }

  /** A codec whose {@link #wrap} stamps {@code occurred_at} from {@code clock}. */
  public EventCodec(Clock clock) {
    this.clock = clock;
  }

  /** A new envelope (fresh event id, occurred now) around {@code event}. */
  public EventEnvelope wrap(DomainEvent event) {
    return new EventEnvelope(
        UUID.randomUUID(),
        event.eventType(),
        event.eventVersion(),
        clock.instant(),
        event.aggregateId(),
        // through JSON text, so the payload tree is exactly the one a consumer decodes
        mapper.readTree(mapper.writeValueAsBytes(event)));
  }

  public String encode(EventEnvelope envelope) {
    return mapper.writeValueAsString(envelope);
  }

  /**
   * @throws MalformedEventException if {@code json} is not a complete, valid envelope
   */
  public EventEnvelope decode(String json) {
    if (json == null) {
      throw new MalformedEventException("Not an event envelope: the message is empty", null);
    }
    try {
      return mapper.readValue(json, EventEnvelope.class);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new MalformedEventException("Not an event envelope: " + e.getMessage(), e);
    }
  }

  /**
   * @throws MalformedEventException if {@code json} is not a complete, valid envelope
   */
  public EventEnvelope decode(byte[] json) {
    return decode(json == null ? null : new String(json, StandardCharsets.UTF_8));
  }

  /**
   * The envelope's payload as {@code type}, which a consumer reads in {@code version} only.
   *
   * @throws MalformedEventException if the event is of another version or its payload does not fit
   *     {@code type}
   */
  public <T> T payload(EventEnvelope envelope, Class<T> type, int version) {
    if (envelope.eventVersion() != version) {
      throw new MalformedEventException(
          envelope.eventType()
              + " "
              + envelope.eventId()
              + ": version "
              + envelope.eventVersion()
              + " is not supported ("
              + version
              + " is)",
          null);
    }
    return payload(envelope, type);
  }

  /**
   * The envelope's payload as {@code type}. Pick {@code type} by {@link EventEnvelope#eventType()},
   * never the other way round.
   *
   * @throws MalformedEventException if the payload does not fit {@code type}
   */
  public <T> T payload(EventEnvelope envelope, Class<T> type) {
    try {
      return mapper.treeToValue(envelope.payload(), type);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new MalformedEventException(
          "Payload of "
              + envelope.eventType()
              + " "
              + envelope.eventId()
              + " does not fit: "
              + e.getMessage(),
          e);
    }
  }
}
