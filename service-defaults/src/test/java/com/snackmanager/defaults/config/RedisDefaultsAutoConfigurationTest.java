package com.snackmanager.defaults.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.resource.ClientResources;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Redis commands are neither observed nor timed one by one, although Spring Boot would. */
class RedisDefaultsAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withBean(ObservationRegistry.class, ObservationRegistry::create)
          .withConfiguration(
              AutoConfigurations.of(
                  LettuceObservationAutoConfiguration.class, DataRedisAutoConfiguration.class));

  @Test
  void springBootAloneObservesAndTimesEveryCommand() {
    runner.run(
        context -> {
          ClientResources resources = context.getBean(ClientResources.class);
          assertThat(resources.tracing().isEnabled()).isTrue();
          assertThat(resources.commandLatencyRecorder().isEnabled()).isTrue();
        });
  }

  @Test
  void theDefaultsTurnBothOff() {
    runner
        .withConfiguration(AutoConfigurations.of(RedisDefaultsAutoConfiguration.class))
        .run(
            context -> {
              ClientResources resources = context.getBean(ClientResources.class);
              assertThat(resources.tracing().isEnabled()).isFalse();
              assertThat(resources.commandLatencyRecorder().isEnabled()).isFalse();
            });
  }
}
