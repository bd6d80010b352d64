package com.snackmanager.events.envelope;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An event payload. The routing facts below describe the event but are not part of its payload:
 * they travel in the {@link EventEnvelope} (and the outbox row), never inside {@code payload}. So a
 * payload record cannot have a component named like one of them.
 */
public interface DomainEvent {

  /** The topic the event is published to, one of {@link Topics}. */
  @JsonIgnore
  String topic();

  /** The stable contract name, e.g. {@code user.registered}. */
  @JsonIgnore
  String eventType();

  /** The payload schema version of {@link #eventType()}. */
  @JsonIgnore
  int eventVersion();

  /** The id of the aggregate that changed; the Kafka key. */
  @JsonIgnore
  String aggregateId();
}
