package com.snackmanager.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

class OpenApiIT extends GatewayTestBase {

  @Test
  void theSchemaMergesEveryRunningServiceAndNamesTheOthers() {
    for (String path : new String[] {"/api/schema/", "/api/schema"}) {
      get(path, null)
          .expectStatus()
          .isOk()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
          .expectBody()
          .jsonPath("$.paths['/snacks/'].get")
          .exists()
          .jsonPath("$.paths['/orders/'].get")
          .exists()
          .jsonPath("$.paths['/auth/users/'].get")
          .exists()
          .jsonPath("$.paths['/snacks/{uid}/reaction/'].get")
          .exists()
          .jsonPath("$.components.schemas." + StubServices.schemaOf("order-service"))
          .exists()
          .jsonPath("$.components.securitySchemes.bearerAuth.type")
          .isEqualTo("http")
          .jsonPath("$.components.securitySchemes.bearerAuth.scheme")
          .isEqualTo("bearer")
          .jsonPath("$.components.securitySchemes.bearerAuth.bearerFormat")
          .isEqualTo("JWT")
          .jsonPath("$.security[0].bearerAuth")
          .isArray()
          .jsonPath("$.servers[0].url")
          .isEqualTo("/")
          .jsonPath("$['x-unavailable-services']")
          .isEqualTo(List.of(StubServices.NOT_RUNNING));
    }
  }

  @Test
  void sameNamedSchemasOfDifferentServicesKeepTheirOwnShape() {
    // every stub has its own "Problem": the first keeps the name, the others get their prefix
    get("/api/schema/", null)
        .expectBody()
        .jsonPath("$.components.schemas.Problem.properties['auth-service']")
        .exists()
        .jsonPath("$.components.schemas.SnackServiceProblem.properties['snack-service']")
        .exists()
        .jsonPath(
            "$.components.schemas."
                + StubServices.schemaOf("snack-service")
                + ".properties.error.$ref")
        .isEqualTo("#/components/schemas/SnackServiceProblem");
  }

  @Test
  void swaggerUiIsServedWithOrWithoutTrailingSlash() {
    for (String path : new String[] {"/api/schema/swagger-ui/", "/api/schema/swagger-ui"}) {
      EntityExchangeResult<String> page = follow(path);
      assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
      assertThat(page.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
          .isTrue();
      assertThat(page.getResponseBody()).contains("swagger-ui");
    }
  }

  @Test
  void swaggerUiIsPointedAtTheAggregateWithBearerAuthorization() {
    EntityExchangeResult<String> page = follow("/api/schema/swagger-ui/");
    String configUrl = page.getUrl().resolve("swagger-initializer.js").toString();
    String initializer =
        client
            .get()
            .uri(configUrl)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(initializer).contains("configUrl");
    String config =
        client
            .get()
            .uri("/api/schema/gateway/swagger-config")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(config).contains("\"url\":\"/api/schema/\"").contains("persistAuthorization");
  }

  /** GET, following springdoc's redirects. */
  private EntityExchangeResult<String> follow(String path) {
    String next = path;
    for (int hop = 0; hop < 5; hop++) {
      EntityExchangeResult<String> result =
          client.get().uri(next).exchange().expectBody(String.class).returnResult();
      if (!result.getStatus().is3xxRedirection()) {
        return result;
      }
      URI location = result.getResponseHeaders().getLocation();
      next = URI.create(next).resolve(location).toString();
    }
    throw new AssertionError("Too many redirects from " + path);
  }
}
