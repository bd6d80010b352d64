package com.snackmanager.events.kafka;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/deadletters/{topic}} on the management port (never routed publicly): {@code GET}
 * says how many dead letters of the topic wait, {@code POST} sends them back to the topic ({@link
 * DeadLetterReplay}). For an operator, once the cause of the dead letters is fixed.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

  private final DeadLetterReplay replay;

  public DeadLetterEndpoint(DeadLetterReplay replay) {
    this.replay = replay;
  }

  @ReadOperation
  public Map<String, Object> waiting(@Selector String topic) {
    return Map.of("topic", topic, "waiting", known(topic, () -> replay.waiting(topic)));
  }

  @WriteOperation
  public Map<String, Object> replay(@Selector String topic) {
    return Map.of("topic", topic, "replayed", known(topic, () -> replay.replay(topic)));
  }

  private static long known(String topic, java.util.function.LongSupplier work) {
    try {
      return work.getAsLong();
    } catch (IllegalArgumentException unknown) {
      throw new InvalidEndpointRequestException(unknown.getMessage(), "Unknown topic " + topic);
    }
  }
}
