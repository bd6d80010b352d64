package com.snackmanager.snack.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /v3/api-docs}, with the bearer scheme so the gateway's Swagger UI can send tokens. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String BEARER = "bearer";

  @Bean
  OpenAPI snackServiceApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Snack Manager snack-service")
                .version("v1")
                .description(
                    "The snack catalog: registration with pictures, the list ranked by like"
                        + " ratio, admin edits and retirement."))
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

  /**
   * Schemas named as the API really speaks: springdoc reads models with its own (Jackson 2) mapper,
   * which knows nothing of the snake_case the service's (Jackson 3) mapper writes.
   */
  @Bean
  ModelResolver snakeCaseModels() {
    return new ModelResolver(
        Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
  }
}
