package com.snackmanager.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document the gateway aggregates: public, complete, in the API's snake_case. */
class ApiDocsIT extends OrderServiceTest {

  @Test
  void theApiDocumentListsEveryEndpointInSnakeCase() {
    JsonNode docs = json(get("/v3/api-docs", null), HttpStatus.OK);
    assertThat(docs.path("paths").propertyNames())
        .contains("/orders", "/orders/{uid}", "/orders/{uid}/status", "/orders/{uid}/history");
    JsonNode detail =
        docs.path("components").path("schemas").path("OrderDetail").path("properties");
    assertThat(detail.propertyNames())
        .contains("purchase_set", "total_quantity", "estimated_arrival_time", "user_email");
    assertThat(docs.path("components").path("securitySchemes").has("bearer")).isTrue();
  }

  @Test
  void healthIsPublic() {
    get("/actuator/health/liveness", null).expectStatus().isOk();
  }
}
