package com.snackmanager.defaults.openapi;

import com.snackmanager.defaults.web.SecurityMessages;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The RFC 9457 problem responses of the API documents: the {@value #SCHEMA} schema every service
 * writes its errors in, and responses of one status with one example body per documented detail.
 */
final class ProblemDocs {

  static final String SCHEMA = "Problem";
  static final String MEDIA_TYPE =
      org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  /** The usual wording of each status, for an example without a detail of its own. */
  private static final Map<Integer, String> USUAL_DETAIL =
      Map.of(
          400, "Malformed JSON request body.",
          401, SecurityMessages.NOT_AUTHENTICATED,
          403, SecurityMessages.FORBIDDEN,
          404, "Not found.",
          409,
              "The resource was changed by another request at the same time; reload and try"
                  + " again.",
          413, "Request body is too large.",
          415, "Unsupported media type \"text/plain\"; supported: [application/json]",
          429, "Request was throttled. Expected available in 1 seconds.",
          503, "The database is temporarily unavailable; try again shortly.");

  private ProblemDocs() {}

  /** The body of every error, as {@code Problems} writes it. */
  static Schema<?> schema() {
    Schema<?> errors =
        new ObjectSchema()
            .additionalProperties(new ArraySchema().items(new StringSchema()))
            .description("Field errors: each field with its messages");
    return new ObjectSchema()
        .description("An RFC 9457 problem: what went wrong, in words a person can act on")
        .addProperty("type", new StringSchema().example("about:blank"))
        .addProperty("title", new StringSchema().example("Bad Request"))
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty("detail", new StringSchema().description("What went wrong, for people"))
        .addProperty("instance", new StringSchema().description("The path that was requested"))
        .addProperty("request_id", new StringSchema().description("Names the request in the logs"))
        .addProperty("errors", errors)
        .required(List.of("type", "title", "status", "detail"));
  }

  /**
   * Documents {@code detail} (blank: the status's usual wording) as an example of the operation's
   * {@code status} problem response, adding the response if it has none; {@code field}, if not
   * blank, is the field a 400 names in its {@code errors}.
   */
  static void add(Operation operation, int status, String detail, String field) {
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    String code = Integer.toString(status);
    ApiResponse response = operation.getResponses().get(code);
    if (response == null) {
      response = new ApiResponse().description(reason(status));
      operation.getResponses().addApiResponse(code, response);
    }
    if (response.getContent() == null) {
      response.setContent(new Content());
    }
    MediaType media = response.getContent().get(MEDIA_TYPE);
    if (media == null) {
      media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA));
      response.getContent().addMediaType(MEDIA_TYPE, media);
    }
    String text = detail == null || detail.isBlank() ? usualDetail(status) : detail;
    if (media.getExamples() == null || !media.getExamples().containsKey(text)) {
      media.addExamples(text, new Example().summary(text).value(body(status, text, field)));
    }
  }

  /** Whether the operation documents a {@code status} problem already. */
  static boolean has(Operation operation, int status) {
    ApiResponse response =
        operation.getResponses() == null
            ? null
            : operation.getResponses().get(Integer.toString(status));
    return response != null
        && response.getContent() != null
        && response.getContent().containsKey(MEDIA_TYPE);
  }

  static String usualDetail(int status) {
    return USUAL_DETAIL.getOrDefault(status, reason(status) + ".");
  }

  private static String reason(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? "Error " + status : known.getReasonPhrase();
  }

  /**
   * An example problem body; a 400 names its field in {@code errors}, given or read from a {@code
   * field: message} detail.
   */
  private static Map<String, Object> body(int status, String detail, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", reason(status));
    body.put("status", status);
    body.put("detail", detail);
    if (status != 400) {
      return body;
    }
    int colon = detail.indexOf(": ");
    if (field != null && !field.isBlank()) {
      body.put("errors", Map.of(field, List.of(detail)));
    } else if (colon > 0 && detail.substring(0, colon).matches("[a-z_\\[\\]0-9.]+")) {
      body.put("errors", Map.of(detail.substring(0, colon), List.of(detail.substring(colon + 2))));
    }
    return body;
  }
}
