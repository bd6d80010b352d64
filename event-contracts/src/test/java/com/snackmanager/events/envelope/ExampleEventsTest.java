package com.snackmanager.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExampleEventsTest {

  @Test
  void theIndexNamesEveryExampleAndNothingElse() throws Exception {
    assertThat(ExampleEvents.index()).containsExactlyInAnyOrderElementsOf(examplesOnDisk());
  }

  @Test
  void aTopicsExamplesAreLoadedInEventTypeOrder() {
    List<EventEnvelope> users = ExampleEvents.load(Topics.USERS);

    assertThat(users)
        .extracting(EventEnvelope::eventType)
        .containsExactly("user.registered", "user.resigned", "user.role-changed");
  }

  @Test
  void anUnknownTopicOrTypeIsRefused() {
    assertThatThrownBy(() -> ExampleEvents.load("snack.nothing.v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("snack.nothing.v1");
    assertThatThrownBy(() -> ExampleEvents.load(Topics.USERS, "user.flew-away"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user.flew-away");
  }

  /** The example files as the build copied them (test classpath: a directory, not a jar). */
  private static List<String> examplesOnDisk() throws URISyntaxException, java.io.IOException {
    Path root =
        Paths.get(ExampleEvents.class.getClassLoader().getResource(ExampleEvents.ROOT).toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(file -> file.toString().endsWith(".json"))
          .map(file -> root.relativize(file).toString().replace('\\', '/'))
          .toList();
    }
  }
}
