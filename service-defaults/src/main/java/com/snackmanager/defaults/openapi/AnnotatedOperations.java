package com.snackmanager.defaults.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/** Documents what a handler's {@link ProblemResponse}s and {@link Paginated} say. */
public class AnnotatedOperations implements OperationCustomizer {

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    for (ProblemResponse problem :
        AnnotatedElementUtils.findMergedRepeatableAnnotations(
            handler.getMethod(), ProblemResponse.class, ProblemResponses.class)) {
      ProblemDocs.add(operation, problem.status(), problem.detail(), problem.field());
    }
    if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), Paginated.class)) {
      paginated(operation);
    }
    return operation;
  }

  private static void paginated(Operation operation) {
    addQuery(
        operation,
        "page",
        "The page, from 1",
        new IntegerSchema()._default(1).minimum(BigDecimal.ONE));
    addQuery(
        operation,
        "page_size",
        "Items per page",
        new IntegerSchema()
            ._default(100)
            .minimum(BigDecimal.ONE)
            .maximum(BigDecimal.valueOf(1000)));
    ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
    if (ok != null) {
      ok.addHeaderObject(
          "X-Total-Count",
          new Header().description("Items in the whole list").schema(new IntegerSchema()));
      ok.addHeaderObject(
          "Link",
          new Header()
              .description("RFC 8288 links to the next and previous pages, where there are any")
              .schema(new StringSchema()));
    }
    ProblemDocs.add(operation, 400, "page_size: Must be a whole number from 1 to 1000.", "");
  }

  private static void addQuery(
      Operation operation, String name, String description, Schema<?> schema) {
    if (operation.getParameters() != null) {
      for (Parameter parameter : operation.getParameters()) {
        if (name.equals(parameter.getName()) && "query".equals(parameter.getIn())) {
          return;
        }
      }
    }
    operation.addParametersItem(
        new QueryParameter().name(name).description(description).required(false).schema(schema));
  }
}
