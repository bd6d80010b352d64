package com.snackmanager.statistics.config;

import org.apache.kafka.clients.admin.Admin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * A long-lived Kafka admin client (with the same settings as Spring's {@link KafkaAdmin}) for the
 * consumer lag and the rebuild's offset reset.
 */
@Configuration(proxyBeanMethods = false)
class KafkaAdminConfiguration {

  @Bean(destroyMethod = "close")
  Admin statisticsKafkaAdmin(KafkaAdmin kafkaAdmin) {
    return Admin.create(kafkaAdmin.getConfigurationProperties());
  }
}
