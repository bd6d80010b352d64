package com.snackmanager.events.envelope;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The published example events, one full envelope per event type under {@code
 * events/examples/<topic>/<event_type>.json} in this jar, listed in {@code
 * events/examples/index.txt} (a jar cannot be listed without a framework; {@code ExampleEventsTest}
 * checks that the index names every example). Consumers replay them in their contract tests, so a
 * producer cannot change a contract without a consumer's test noticing.
 */
public final class ExampleEvents {

  static final String ROOT = "events/examples/";
  static final String INDEX = ROOT + "index.txt";

  private static final EventCodec CODEC = new EventCodec();

  private ExampleEvents() {}

  /**
   * Every example of {@code topic}, ordered by event type.
   *
   * @throws IllegalArgumentException if the topic has no examples
   */
  public static List<EventEnvelope> load(String topic) {
    List<EventEnvelope> examples =
        index().stream()
            .filter(path -> path.startsWith(topic + "/"))
            .sorted()
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

  /**
   * The examples' paths below {@code events/examples/}, e.g. {@code
   * snack.users.v1/user.registered.json}.
   */
  static List<String> index() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(open(INDEX), StandardCharsets.UTF_8))) {
      return lines.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + INDEX, e);
    }
  }

  private static EventEnvelope decode(String path) {
    try (InputStream in = open(ROOT + path)) {
      return CODEC.decode(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read example " + path, e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = ExampleEvents.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Missing resource " + resource);
    }
    return in;
  }
}
