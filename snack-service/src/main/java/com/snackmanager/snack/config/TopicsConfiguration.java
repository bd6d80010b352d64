package com.snackmanager.snack.config;

import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.kafka.SnackTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The snack-service produces {@link Topics#CATALOG} and consumes {@link Topics#REACTIONS}; both are
 * declared (idempotently) so that the listener can subscribe even before the reaction-service has
 * ever started.
 */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

  @Bean
  KafkaAdmin.NewTopics catalogTopic(SnackTopics topics) {
    return topics.declare(Topics.CATALOG);
  }

  @Bean
  KafkaAdmin.NewTopics reactionsTopic(SnackTopics topics) {
    return topics.declare(Topics.REACTIONS);
  }
}
