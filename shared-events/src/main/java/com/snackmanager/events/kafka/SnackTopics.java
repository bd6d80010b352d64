package com.snackmanager.events.kafka;

import com.snackmanager.events.envelope.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares topics the suite's way. A service declares each topic it produces or consumes as a bean,
 * and Spring's {@link KafkaAdmin} creates the missing ones at startup:
 *
 * <pre>{@code
 * @Bean
 * KafkaAdmin.NewTopics usersTopic(SnackTopics topics) {
 *   return topics.declare(Topics.USERS);
 * }
 * }</pre>
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
    return new KafkaAdmin.NewTopics(newTopic(topic), newTopic(Topics.deadLetter(topic)));
  }

  private NewTopic newTopic(String name) {
    return TopicBuilder.name(name)
        .partitions(properties.partitions())
        .replicas(properties.replicationFactor())
        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
        .build();
  }
}
