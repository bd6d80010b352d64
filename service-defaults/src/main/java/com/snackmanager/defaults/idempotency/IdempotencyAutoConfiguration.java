package com.snackmanager.defaults.idempotency;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * {@link IdempotentRequests} for a service that asks for it ({@code snack.idempotency.enabled:
 * true}) and has its table ({@code classpath:db/idempotency} in {@code spring.flyway.locations}).
 * Opt-in, because a service without the table would only log a failed purge every hour. Time comes
 * from the service's {@link Clock} bean if it has one (tests move it), else the system clock.
 */
@AutoConfiguration
@ConditionalOnClass(DatabaseClient.class)
@ConditionalOnProperty(name = "snack.idempotency.enabled", havingValue = "true")
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

  @Bean
  IdempotentRequests idempotentRequests(
      DatabaseClient db, IdempotencyProperties properties, ObjectProvider<Clock> clock) {
    return new IdempotentRequests(
        new IdempotencyKeys(db), properties, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  IdempotencyKeyPurge idempotencyKeyPurge(
      IdempotentRequests requests, IdempotencyProperties properties) {
    return new IdempotencyKeyPurge(requests, properties.purgeInterval());
  }
}
