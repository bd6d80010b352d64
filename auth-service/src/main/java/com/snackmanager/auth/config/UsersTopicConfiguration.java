package com.snackmanager.auth.config;

import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.kafka.SnackTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The auth-service produces {@link Topics#USERS}: declared the suite's way (partitioned, kept
 * forever so consumers can rebuild their member projections by replaying it, with its dead-letter
 * topic).
 */
@Configuration(proxyBeanMethods = false)
class UsersTopicConfiguration {

  @Bean
  KafkaAdmin.NewTopics usersTopic(SnackTopics topics) {
    return topics.declare(Topics.USERS);
  }
}
