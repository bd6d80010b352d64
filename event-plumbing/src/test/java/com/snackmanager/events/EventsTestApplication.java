package com.snackmanager.events;

import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.kafka.SnackTopics;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * A minimal service for the integration tests: everything else comes from {@link
 * SnackEventsAutoConfiguration} and Boot's auto-configuration, as in a real service.
 */
@SpringBootApplication
public class EventsTestApplication {

  /** Where the relay tests publish their {@link TestTick}s. */
  public static final String RELAY_TOPIC = "test.relay.v1";

  /** Consumed by the test listener in the {@code kafka} tests. */
  public static final String CONSUMER_TOPIC = "test.consumer.v1";

  /** Consumed a poll at a time by the test batch listener in the {@code kafka} tests. */
  public static final String BATCH_TOPIC = "test.batch.v1";

  /** Only its dead-letter topic is written, by the replay test. */
  public static final String REPLAY_TOPIC = "test.replay.v1";

  @Bean
  KafkaAdmin.NewTopics usersTopic(SnackTopics topics) {
    return topics.declare(Topics.USERS);
  }

  @Bean
  KafkaAdmin.NewTopics relayTopic(SnackTopics topics) {
    return topics.declare(RELAY_TOPIC);
  }

  @Bean
  KafkaAdmin.NewTopics consumerTopic(SnackTopics topics) {
    return topics.declare(CONSUMER_TOPIC);
  }

  @Bean
  KafkaAdmin.NewTopics batchTopic(SnackTopics topics) {
    return topics.declare(BATCH_TOPIC);
  }

  @Bean
  KafkaAdmin.NewTopics replayTopic(SnackTopics topics) {
    return topics.declare(REPLAY_TOPIC);
  }
}
