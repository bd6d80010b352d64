package com.snackmanager.defaults.catalog;

import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The {@link SnackServiceClient} of a service that reads the catalog through (it sets {@code
 * snack.catalog.read-through-timeout}; the gateway, which also knows the snack-service's address,
 * does not).
 */
@AutoConfiguration
@ConditionalOnProperty(name = "snack.catalog.read-through-timeout")
public class SnackServiceClientAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  SnackServiceClient snackServiceClient(
      @Value("${snack.services.snack-service}") String baseUrl,
      @Value("${snack.catalog.read-through-timeout}") Duration timeout,
      ObjectProvider<ObservationRegistry> observations) {
    return new SnackServiceClient(baseUrl, timeout, observations);
  }
}
