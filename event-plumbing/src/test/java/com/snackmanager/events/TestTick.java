package com.snackmanager.events;

import com.snackmanager.events.envelope.DomainEvent;

/** A numbered event of one aggregate, to check ordering. */
public record TestTick(String stream, int seq) implements DomainEvent {

  public static final String TYPE = "test.tick";

  @Override
  public String topic() {
    return EventsTestApplication.RELAY_TOPIC;
  }

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public int eventVersion() {
    return 1;
  }

  @Override
  public String aggregateId() {
    return stream;
  }
}
