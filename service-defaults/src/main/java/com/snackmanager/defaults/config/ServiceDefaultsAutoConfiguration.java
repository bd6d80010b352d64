package com.snackmanager.defaults.config;

import com.snackmanager.defaults.web.ProblemErrorHandler;
import com.snackmanager.defaults.web.Problems;
import com.snackmanager.defaults.web.TrailingSlashes;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;
import tools.jackson.databind.json.JsonMapper;

/** Web conventions every service shares: problem+json for every failure, optional slashes. */
@AutoConfiguration(
    after = JacksonAutoConfiguration.class,
    before = ErrorWebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ServiceDefaultsAutoConfiguration {

  @Bean
  Problems problems(JsonMapper jsonMapper) {
    return new Problems(jsonMapper);
  }

  @Bean
  @Order(-2) // ahead of Boot's own handler and of WebFlux's response-status handler
  ErrorWebExceptionHandler problemErrorHandler(Problems problems) {
    return new ProblemErrorHandler(problems);
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  WebFilter trailingSlashFilter() {
    return TrailingSlashes.filter();
  }
}
