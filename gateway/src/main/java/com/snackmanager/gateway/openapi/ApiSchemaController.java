package com.snackmanager.gateway.openapi;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/schema/}: the suite's OpenAPI document (the Swagger UI at {@code
 * /api/schema/swagger-ui/} reads it).
 */
@RestController
class ApiSchemaController {

  private final OpenApiAggregator aggregator;

  ApiSchemaController(OpenApiAggregator aggregator) {
    this.aggregator = aggregator;
  }

  @GetMapping(path = "/api/schema", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ObjectNode> schema() {
    return aggregator.document();
  }
}
