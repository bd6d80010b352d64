package com.snackmanager.defaults.config;

import com.snackmanager.defaults.json.TextWithoutControlCharacters;
import com.snackmanager.defaults.web.ControlCharacters;
import com.snackmanager.defaults.web.ProblemErrorHandler;
import com.snackmanager.defaults.web.Problems;
import com.snackmanager.defaults.web.RequestIds;
import com.snackmanager.defaults.web.TrailingSlashes;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Web conventions every service shares: problem+json for every failure, optional slashes, strict
 * text input.
 */
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

  /**
   * Text fields take JSON strings only: a password sent as the number {@code 12345678} is a 400
   * naming the field, not silently turned into the text "12345678". And no text holds NUL or
   * another control character ({@link ControlCharacters}): a 400 naming the field, too.
   */
  @Bean
  JsonMapperBuilderCustomizer textFieldsTakeStringsOnly() {
    return builder ->
        builder
            .withCoercionConfig(
                LogicalType.Textual,
                config ->
                    config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .addModule(TextWithoutControlCharacters.module());
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  WebFilter requestIdFilter() {
    return RequestIds.filter();
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 1)
  WebFilter trailingSlashFilter() {
    return TrailingSlashes.filter();
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 2)
  WebFilter controlCharactersInUrlFilter() {
    return ControlCharacters.urlFilter();
  }
}
