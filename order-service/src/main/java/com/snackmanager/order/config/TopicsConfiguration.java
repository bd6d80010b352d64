package com.snackmanager.order.config;

import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.kafka.SnackTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics the order-service touches, declared the suite's way (idempotent): it produces {@link
 * Topics#ORDERS} and consumes {@link Topics#CATALOG} and {@link Topics#REACTIONS}, which may not
 * exist yet when it starts before their producers.
 */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

  @Bean
  KafkaAdmin.NewTopics ordersTopic(SnackTopics topics) {
    return topics.declare(Topics.ORDERS);
  }

  @Bean
  KafkaAdmin.NewTopics catalogTopic(SnackTopics topics) {
    return topics.declare(Topics.CATALOG);
  }

  @Bean
  KafkaAdmin.NewTopics reactionsTopic(SnackTopics topics) {
    return topics.declare(Topics.REACTIONS);
  }
}
