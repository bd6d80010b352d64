package com.snackmanager.reaction.config;

import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.kafka.SnackTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Produces {@link Topics#REACTIONS}; consumes {@link Topics#CATALOG}, declared too so that the
 * listener can subscribe even when this service starts before the snack-service.
 */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

  @Bean
  KafkaAdmin.NewTopics reactionsTopic(SnackTopics topics) {
    return topics.declare(Topics.REACTIONS);
  }

  @Bean
  KafkaAdmin.NewTopics catalogTopic(SnackTopics topics) {
    return topics.declare(Topics.CATALOG);
  }
}
