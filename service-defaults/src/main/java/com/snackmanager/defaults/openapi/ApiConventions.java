package com.snackmanager.defaults.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The errors every operation of the suite shares, documented once: a 401 where a token is needed,
 * the gateway's 429 and a 503 (a service or its database unavailable) everywhere, and the 400, 413
 * and 415 of a request body. Also the {@link ProblemDocs#SCHEMA} schema, each example's {@code
 * instance}, the responses in status order, and the document's tags with their descriptions in
 * {@link ApiTags#ORDER}.
 */
public class ApiConventions implements OpenApiCustomizer {

  @Override
  public void customise(OpenAPI api) {
    if (api.getComponents() == null) {
      api.setComponents(new Components());
    }
    api.getComponents().addSchemas(ProblemDocs.SCHEMA, ProblemDocs.schema());
    Set<String> used = new LinkedHashSet<>();
    if (api.getPaths() != null) {
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach(
                          (method, operation) -> {
                            shared(operation);
                            finish(operation, path);
                            if (operation.getTags() != null) {
                              used.addAll(operation.getTags());
                            }
                          }));
    }
    api.setTags(tags(used));
  }

  private static void shared(Operation operation) {
    boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
    if (secured) {
      ProblemDocs.add(operation, 401, "", "");
    }
    if (operation.getRequestBody() != null) {
      if (!ProblemDocs.has(operation, 400)) {
        ProblemDocs.add(operation, 400, "", "");
      }
      ProblemDocs.add(operation, 413, "", "");
      ProblemDocs.add(operation, 415, "", "");
    }
    ProblemDocs.add(operation, 429, "", "");
    ProblemDocs.add(operation, 503, "", "");
  }

  /** Each problem example names the path it was answered for, and the codes go in order. */
  private static void finish(Operation operation, String path) {
    ApiResponses sorted = new ApiResponses();
    operation.getResponses().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(entry -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
    operation.setResponses(sorted);
    for (ApiResponse response : sorted.values()) {
      MediaType problem =
          response.getContent() == null ? null : response.getContent().get(ProblemDocs.MEDIA_TYPE);
      if (problem != null && problem.getExamples() != null) {
        for (Example example : problem.getExamples().values()) {
          if (example.getValue() instanceof Map<?, ?> body) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) body;
            fields.putIfAbsent("instance", path);
          }
        }
      }
    }
  }

  private static List<Tag> tags(Set<String> used) {
    List<Tag> tags = new ArrayList<>();
    used.stream()
        .sorted(Comparator.comparingInt(ApiTags::rank))
        .forEach(
            name -> tags.add(new Tag().name(name).description(ApiTags.DESCRIPTIONS.get(name))));
    return tags;
  }
}
