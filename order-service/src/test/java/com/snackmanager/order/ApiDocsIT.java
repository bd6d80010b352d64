package com.snackmanager.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.testsupport.ManagementPort;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document the gateway aggregates: public, complete, in the API's snake_case. */
class ApiDocsIT extends OrderServiceTest {

  /** Actuator's own port (random in tests), where the probes and Prometheus go. */
  @LocalManagementPort int managementPort;

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
  void everyOperationIsSummarisedTaggedOrdersAndDocumentsItsProblems() {
    JsonNode docs = json(get("/v3/api-docs", null), HttpStatus.OK);
    assertThat(docs.path("tags").findValuesAsString("name")).containsExactly("Orders");
    for (JsonNode path : docs.path("paths")) {
      for (JsonNode operation : path) {
        assertThat(operation.path("summary").asString("")).isNotBlank();
        assertThat(operation.path("tags").get(0).asString()).isEqualTo("Orders");
        assertThat(
                operation
                    .path("responses")
                    .path("401")
                    .path("content")
                    .has("application/problem+json"))
            .isTrue();
      }
    }
    JsonNode list = docs.path("paths").path("/orders").path("get");
    assertThat(list.path("parameters").findValuesAsString("name"))
        .contains("page", "page_size", "status", "created_at__gte", "ordering");
    assertThat(list.path("responses").path("200").path("headers").has("X-Total-Count")).isTrue();
    assertThat(
            docs.path("paths").path("/orders/{uid}").path("put").path("responses").propertyNames())
        .contains("400", "401", "403", "404", "409", "413", "415", "429", "503");
  }

  @Test
  void healthIsOpenOnTheManagementPortOnly() {
    assertThat(ManagementPort.status(managementPort, "/actuator/health/liveness")).isEqualTo(200);
    get("/actuator/health/liveness", null).expectStatus().isNotFound();
  }
}
