package com.snackmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.e2e.ApiDocument.Operation;
import com.snackmanager.e2e.OperationAccess.Access;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's aggregated OpenAPI document ({@code GET /api/schema/}) as a frontend developer
 * reads it (issue 12): every operation summarised and filed under a resource, its errors documented
 * as problems with examples, exactly the public operations without a lock, the lists with their
 * paging, filter and ordering parameters, and the request bodies with their required fields.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentationIT {

  /** The resources, in the order a frontend uses them (and the document lists them). */
  private static final List<String> RESOURCES =
      List.of("Members", "Tokens", "Checks", "Snacks", "Reactions", "Orders", "Statistics");

  /** Each paginated list and the query parameters it documents besides page and page_size. */
  private static final Map<String, Set<String>> LISTS =
      Map.of(
          "GET /auth/users", Set.of("member_type", "is_deleted", "search", "ordering"),
          "GET /snacks", Set.of("uid", "search", "status", "ordering"),
          "GET /orders",
              Set.of(
                  "uid",
                  "status",
                  "user_id",
                  "year",
                  "month",
                  "day",
                  "created_at__gte",
                  "created_at__lte",
                  "ordering"),
          "GET /statistics/orders/list",
              Set.of("from", "to", "year", "month", "day", "week", "status", "ordering"),
          "GET /statistics/snacks", Set.of("from", "to", "year", "month", "day", "week"),
          "GET /statistics/reactions", Set.of("search", "ordering"));

  /** JSON bodies that are any subset of their fields (an edit), so they require none. */
  private static final Set<String> PARTIAL_BODIES = Set.of("PATCH /snacks/{uid}");

  private final Api api = new Api(RunningSuite.get().gateway());
  private ApiDocument document;

  @BeforeAll
  void fetch() {
    document = ApiDocument.fetch(api);
  }

  @Test
  void everyOperationHasASummary() {
    assertThat(document.operations())
        .as("operations without a summary")
        .filteredOn(operation -> operation.spec().path("summary").asString("").isBlank())
        .isEmpty();
  }

  @Test
  void everyOperationIsFiledUnderAResourceAndTheResourcesAreInAFrontendsOrder() {
    assertThat(document.tags()).containsExactlyElementsOf(RESOURCES);
    for (Operation operation : document.operations()) {
      assertThat(operation.tags()).as("tags of " + operation).isNotEmpty();
      assertThat(RESOURCES).as("tags of " + operation).containsAll(operation.tags());
    }
  }

  @Test
  void everyOperationDocumentsItsClientErrorsAsProblemsWithExamples() {
    for (Operation operation : document.operations()) {
      List<Integer> problems = operation.problemStatuses();
      assertThat(problems)
          .as("4xx problem+json responses with an example of " + operation)
          .anyMatch(status -> status >= 400 && status < 500);
      // every call can meet the gateway's rate limit and an unavailable service; a locked one, a
      // missing or bad token
      assertThat(problems).as("problems of " + operation).contains(429, 503);
      if (!operation.documentedAsPublic()) {
        assertThat(problems).as("problems of " + operation).contains(401);
      }
    }
  }

  @Test
  void exactlyThePublicOperationsHaveNoLock() {
    List<String> documentedPublic =
        document.operations().stream()
            .filter(Operation::documentedAsPublic)
            .map(Operation::key)
            .toList();
    List<String> reallyPublic =
        OperationAccess.TABLE.entrySet().stream()
            .filter(entry -> entry.getValue() == Access.PUBLIC)
            .map(Map.Entry::getKey)
            .toList();
    assertThat(documentedPublic).containsExactlyInAnyOrderElementsOf(reallyPublic);
    assertThat(reallyPublic)
        .containsExactlyInAnyOrder(
            "POST /auth/sign-up",
            "POST /auth/token",
            "POST /auth/token/refresh",
            "GET /auth/jwks",
            "GET /snacks/{uid}/image");
  }

  @Test
  void listsDocumentTheirPagingFiltersAndOrdering() {
    LISTS.forEach(
        (key, filters) -> {
          Operation list = document.operation(key).orElseThrow();
          List<String> query =
              list.parameters("query").stream()
                  .map(parameter -> parameter.path("name").asString())
                  .toList();
          assertThat(query).as("query parameters of " + key).contains("page", "page_size");
          assertThat(query).as("query parameters of " + key).containsAll(filters);
        });
  }

  @Test
  void jsonBodiesNameTheirRequiredFields() {
    for (Operation operation : document.operations()) {
      JsonNode body = operation.jsonBodySchema();
      if (body.isMissingNode() || PARTIAL_BODIES.contains(operation.key())) {
        continue;
      }
      assertThat(document.resolve(body).path("required").isEmpty())
          .as("required fields of the body of " + operation)
          .isFalse();
    }
  }
}
