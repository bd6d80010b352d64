package com.snackmanager.defaults.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.snackmanager.defaults.openapi.AnnotatedOperations;
import com.snackmanager.defaults.openapi.ApiConventions;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Every service's {@code /v3/api-docs}: titled after the application, described by {@code
 * snack.api.description}, with the bearer scheme so the gateway's Swagger UI can send tokens, and
 * with schemas in the snake_case the API really speaks.
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, ModelResolver.class})
public class OpenApiDefaultsAutoConfiguration {

  static final String BEARER = "bearer";

  @Bean
  @ConditionalOnMissingBean
  OpenAPI serviceApi(Environment environment) {
    return new OpenAPI()
        .info(
            new Info()
                .title("Snack Manager " + environment.getProperty("spring.application.name", ""))
                .version("v1")
                .description(environment.getProperty("snack.api.description", "")))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  /** The 401, 429, 503 and body errors of every operation, the Problem schema, the tag order. */
  @Bean
  @ConditionalOnMissingBean
  ApiConventions apiConventions() {
    return new ApiConventions();
  }

  /** What {@code @ProblemResponse} and {@code @Paginated} on a handler add to its operation. */
  @Bean
  @ConditionalOnMissingBean
  AnnotatedOperations annotatedOperations() {
    return new AnnotatedOperations();
  }

  /**
   * springdoc reads models with its own (Jackson 2) mapper, which knows nothing of the snake_case
   * the service's (Jackson 3) mapper writes.
   */
  @Bean
  @ConditionalOnMissingBean
  ModelResolver snakeCaseModels() {
    return new ModelResolver(
        Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
  }
}
