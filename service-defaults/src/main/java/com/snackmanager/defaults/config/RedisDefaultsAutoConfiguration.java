package com.snackmanager.defaults.config;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.tracing.Tracing;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * No observation or latency recording per Redis command. Spring Boot observes every Lettuce command
 * (a timer, and a child span of the request's), and Lettuce records every command's latency in
 * histograms of its own (HdrHistogram is on the class path) that nothing reads: together ~5 % of
 * the reaction-service's CPU on a reaction, whose request is already observed as a whole ({@code
 * http.server.requests}, its server span). The same rule as for Spring Security's and Spring Cloud
 * Gateway's inner observations: one observation per request. Runs after Spring Boot's, so its
 * customizer applies last.
 */
@AutoConfiguration(
    after = LettuceObservationAutoConfiguration.class,
    before = DataRedisAutoConfiguration.class)
@ConditionalOnClass(ClientResources.class)
public class RedisDefaultsAutoConfiguration {

  @Bean
  ClientResourcesBuilderCustomizer noRedisCommandObservations() {
    return builder ->
        builder
            .tracing(Tracing.disabled())
            .commandLatencyRecorder(CommandLatencyRecorder.disabled());
  }
}
