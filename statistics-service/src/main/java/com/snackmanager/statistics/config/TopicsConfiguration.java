package com.snackmanager.statistics.config;

import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.kafka.SnackTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The statistics produce nothing but consume three topics, declared here (idempotently) so the
 * listeners can subscribe even when this service starts before their producers.
 */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

  @Bean
  KafkaAdmin.NewTopics ordersTopic(SnackTopics topics) {
    return topics.declare(Topics.ORDERS);
  }

  @Bean
  KafkaAdmin.NewTopics reactionsTopic(SnackTopics topics) {
    return topics.declare(Topics.REACTIONS);
  }

  @Bean
  KafkaAdmin.NewTopics catalogTopic(SnackTopics topics) {
    return topics.declare(Topics.CATALOG);
  }
}
