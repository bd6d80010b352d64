package com.snackmanager.events.kafka;

import com.snackmanager.events.envelope.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares topics the suite's way. A service lists the topics it produces or consumes in {@code
 * snack.kafka.topics}; the auto-configuration declares them, and Spring's {@link KafkaAdmin}
 * creates the missing ones at start-up.
 */
public class SnackTopics {

  private final SnackKafkaProperties properties;

  public SnackTopics(SnackKafkaProperties properties) {
    this.properties = properties;
  }

  /**
   * {@code topic} and its dead-letter topic, both kept forever ({@code retention.ms=-1}) so
   * projections can be rebuilt by replaying from the beginning.
   */
  public KafkaAdmin.NewTopics declare(String topic) {
    return declareAll(List.of(topic));
  }

  /** Each of {@code topics} and its dead-letter topic. */
  public KafkaAdmin.NewTopics declareAll(List<String> topics) {
    List<NewTopic> declared = new ArrayList<>();
    for (String topic : topics) {
      declared.add(newTopic(topic));
      declared.add(newTopic(Topics.deadLetter(topic)));
    }
    return new KafkaAdmin.NewTopics(declared.toArray(NewTopic[]::new));
  }

  private NewTopic newTopic(String name) {
    return TopicBuilder.name(name)
        .partitions(properties.partitions())
        .replicas(properties.replicationFactor())
        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
        .build();
  }
}
