package com.snackmanager.defaults.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.defaults.security.SecurityDefaults;
import com.snackmanager.defaults.security.ServiceAccess;
import com.snackmanager.testsupport.FreePorts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** When the defaults build a service's chain from its {@link ServiceAccess}, and when not. */
class SecurityDefaultsAutoConfigurationTest {

  /** Spring Boot's own security auto-configurations included, as in a service. */
  private final ReactiveWebApplicationContextRunner runner =
      new ReactiveWebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  JacksonAutoConfiguration.class,
                  DataRedisAutoConfiguration.class,
                  DataRedisReactiveAutoConfiguration.class,
                  ServiceDefaultsAutoConfiguration.class,
                  SecurityDefaultsAutoConfiguration.class,
                  ReactiveOAuth2ResourceServerAutoConfiguration.class,
                  ReactiveWebSecurityAutoConfiguration.class))
          // token versions read from a Redis nobody listens on: never needed here
          .withPropertyValues("spring.data.redis.port=" + FreePorts.find());

  @Test
  void aServiceThatDeclaresItsAccessGetsItsChainFromTheDefaults() {
    runner
        .withBean(ServiceAccess.class, () -> ServiceAccess.builder().otherwiseAuthenticated())
        .run(
            context ->
                assertThat(context.getBeansOfType(SecurityWebFilterChain.class))
                    .containsOnlyKeys("securityWebFilterChain"));
  }

  @Test
  void aChainOfTheServicesOwnIsKept() {
    runner
        .withBean(ServiceAccess.class, () -> ServiceAccess.builder().otherwiseAuthenticated())
        .withUserConfiguration(OwnChain.class)
        .run(
            context ->
                assertThat(context.getBeansOfType(SecurityWebFilterChain.class))
                    .containsOnlyKeys("ownChain"));
  }

  @Test
  void withoutADeclarationTheDefaultsBuildNoChain() {
    runner.run(
        context ->
            assertThat(context.getBeansOfType(SecurityWebFilterChain.class))
                .doesNotContainKey("securityWebFilterChain"));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnChain {

    @Bean
    SecurityWebFilterChain ownChain(ServerHttpSecurity http, SecurityDefaults defaults) {
      return defaults
          .apply(http)
          .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
          .build();
    }
  }
}
