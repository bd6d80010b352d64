package com.snackmanager.events.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The published example events, one full envelope per event type under {@code
 * events/examples/<topic>/<event_type>.json} in this jar. Consumers replay them in their contract
 * tests, so a producer cannot change a contract without a consumer's test noticing.
 */
public final class ExampleEvents {

  private static final EventCodec CODEC = new EventCodec();

  private ExampleEvents() {}

  /**
   * Every example of {@code topic}, ordered by event type.
   *
   * @throws IllegalArgumentException if the topic has no examples
   */
  public static List<EventEnvelope> load(String topic) {
    List<EventEnvelope> examples =
        Arrays.stream(resources(topic))
            .sorted(Comparator.comparing(Resource::getFilename))
            .map(ExampleEvents::decode)
            .toList();
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("No example events for topic " + topic);
    }
    return examples;
  }

  /**
   * The example of {@code eventType} on {@code topic}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static EventEnvelope load(String topic, String eventType) {
    return load(topic).stream()
        .filter(envelope -> envelope.eventType().equals(eventType))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("No example of " + eventType + " on " + topic));
  }

  private static Resource[] resources(String topic) {
    try {
      return new PathMatchingResourcePatternResolver(ExampleEvents.class.getClassLoader())
          .getResources("classpath*:events/examples/" + topic + "/*.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EventEnvelope decode(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return CODEC.decode(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read example " + resource, e);
    }
  }
}
