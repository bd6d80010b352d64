package com.snackmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's aggregated OpenAPI document ({@code GET /api/schema/}), read the way the security
 * matrix and the fuzz test derive their requests from it: what a client can see is what they test,
 * so an endpoint added to a service is covered (or the matrix fails until it is classified).
 */
final class ApiDocument {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final String SCHEMA_REF = "#/components/schemas/";

  /** One operation: method and path as the document names them, and its OpenAPI object. */
  record Operation(String method, String path, JsonNode spec) {

    /** {@code "PATCH /snacks/{uid}"}: how {@link OperationAccess} names it. */
    String key() {
      return method + " " + path;
    }

    /** The parameters that go {@code in} the path, query or a header. */
    List<JsonNode> parameters(String in) {
      List<JsonNode> found = new ArrayList<>();
      for (JsonNode parameter : spec.path("parameters")) {
        if (in.equals(parameter.path("in").asString())) {
          found.add(parameter);
        }
      }
      return found;
    }

    /** The tags it is listed under. */
    List<String> tags() {
      List<String> tags = new ArrayList<>();
      spec.path("tags").forEach(tag -> tags.add(tag.asString()));
      return tags;
    }

    /**
     * The statuses it documents as an RFC 9457 problem ({@code application/problem+json}) with an
     * example body.
     */
    List<Integer> problemStatuses() {
      List<Integer> statuses = new ArrayList<>();
      for (Map.Entry<String, JsonNode> response : spec.path("responses").properties()) {
        JsonNode problem = response.getValue().path("content").path("application/problem+json");
        boolean exemplified = problem.has("example") || !problem.path("examples").isEmpty();
        if (exemplified && response.getKey().matches("\\d{3}")) {
          statuses.add(Integer.parseInt(response.getKey()));
        }
      }
      return statuses;
    }

    /** The document itself says no token is needed ({@code security: []}). */
    boolean documentedAsPublic() {
      return spec.has("security") && spec.path("security").isEmpty();
    }

    /** The request body's media types (empty: the operation takes no body). */
    List<String> bodyMediaTypes() {
      return spec.path("requestBody").path("content").propertyNames().stream().toList();
    }

    boolean hasBody() {
      return !bodyMediaTypes().isEmpty();
    }

    /** The (unresolved) schema of the JSON body, or missing. */
    JsonNode jsonBodySchema() {
      return spec.path("requestBody").path("content").path("application/json").path("schema");
    }

    /** Its success answer is a list: it takes {@code page}, {@code page_size} and friends. */
    boolean returnsList() {
      for (JsonNode response : spec.path("responses")) {
        for (JsonNode media : response.path("content")) {
          if ("array".equals(media.path("schema").path("type").asString())) {
            return true;
          }
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return key();
    }
  }

  private final JsonNode document;

  private ApiDocument(JsonNode document) {
    this.document = document;
  }

  /**
   * The document once every service has contributed its part (a cold service renders its own
   * slowly; the gateway names the ones that did not answer in {@code x-unavailable-services}).
   */
  static ApiDocument fetch(Api gateway) {
    AtomicReference<JsonNode> complete = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Api.Response response = gateway.get("/api/schema/");
              assertThat(response.status()).isEqualTo(200);
              JsonNode schema = response.json();
              assertThat(schema.path("x-unavailable-services").isEmpty())
                  .as(
                      "services missing from the document: %s",
                      schema.path("x-unavailable-services"))
                  .isTrue();
              complete.set(schema);
            });
    return new ApiDocument(complete.get());
  }

  /** The names of the document's tags, in its order. */
  List<String> tags() {
    List<String> tags = new ArrayList<>();
    document.path("tags").forEach(tag -> tags.add(tag.path("name").asString()));
    return tags;
  }

  /** Every operation, in the document's order. */
  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (METHODS.contains(operation.getKey())) {
          operations.add(
              new Operation(
                  operation.getKey().toUpperCase(Locale.ROOT),
                  path.getKey(),
                  operation.getValue()));
        }
      }
    }
    return operations;
  }

  /** A schema with its {@code $ref} followed (once, as far as the documents nest them). */
  JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
      String ref = current.path("$ref").asString();
      if (!ref.startsWith(SCHEMA_REF)) {
        break;
      }
      current =
          document.path("components").path("schemas").path(ref.substring(SCHEMA_REF.length()));
    }
    return current;
  }

  /** An operation by its key, if the document has it. */
  Optional<Operation> operation(String key) {
    return operations().stream().filter(operation -> operation.key().equals(key)).findFirst();
  }
}
