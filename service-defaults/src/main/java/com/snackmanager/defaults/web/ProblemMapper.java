package com.snackmanager.defaults.web;

import com.snackmanager.defaults.domain.RuleViolation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns any failure into the problem document a client should see. Client mistakes become a 4xx
 * with a {@code detail} that says what to fix; a dependency that cannot be reached or does not
 * answer in time (the database, Redis: {@link Outages}) a 503 naming it; only genuine server faults
 * become a 500, with a generic text (the cause goes to the log, never to the client).
 */
public final class ProblemMapper {

  private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

  private ProblemMapper() {}

  public static ProblemDetail toProblem(Throwable error) {
    if (error instanceof ApiException api) {
      return Problems.of(api.status(), api.detail(), api.errors());
    }
    if (error instanceof RuleViolation rule) {
      return Problems.of(HttpStatus.BAD_REQUEST, rule.detail(), rule.errors());
    }
    if (error instanceof WebExchangeBindException bind) {
      return validation(bind);
    }
    DataBufferLimitException tooLarge = find(error, DataBufferLimitException.class);
    if (tooLarge != null) {
      return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Request body is too large.");
    }
    if (error instanceof UnsupportedMediaTypeStatusException media) {
      return Problems.of(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported media type "
              + (media.getContentType() == null ? "(none)" : "\"" + media.getContentType() + "\"")
              + "; supported: "
              + media.getSupportedMediaTypes());
    }
    if (error instanceof MethodNotAllowedException method) {
      return Problems.of(
          HttpStatus.METHOD_NOT_ALLOWED, "Method \"" + method.getHttpMethod() + "\" not allowed.");
    }
    if (error instanceof ServerWebInputException input) {
      return badInput(input);
    }
    if (error instanceof ResponseStatusException status) {
      String reason = status.getReason();
      HttpStatus resolved = HttpStatus.resolve(status.getStatusCode().value());
      String detail =
          reason != null
              ? reason
              : resolved == HttpStatus.NOT_FOUND
                  ? "Not found."
                  : resolved != null ? resolved.getReasonPhrase() : "Request failed.";
      return Problems.of(status.getStatusCode(), detail);
    }
    if (error instanceof OptimisticLockingFailureException) {
      return Problems.of(
          HttpStatus.CONFLICT,
          "The resource was changed by another request at the same time; reload and try again.");
    }
    if (error instanceof DataIntegrityViolationException) {
      return Problems.of(HttpStatus.CONFLICT, "The request conflicts with the current state.");
    }
    if (error instanceof AccessDeniedException) {
      return Problems.of(HttpStatus.FORBIDDEN, SecurityMessages.FORBIDDEN);
    }
    if (error instanceof AuthenticationServiceException) {
      log.warn("Authentication could not be checked: {}", error.getMessage());
      return Problems.of(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Authentication is temporarily unavailable; try again shortly.");
    }
    Outages.Dependency down = Outages.unavailable(error);
    if (down != null) {
      // an outage, not a bug: one line per request, without the stack trace
      log.warn("Answering 503, {} is unavailable: {}", down.label(), Outages.rootCause(error));
      return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, down.detail());
    }
    log.error("Unhandled error", error);
    return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error.");
  }

  private static ProblemDetail validation(WebExchangeBindException bind) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (FieldError field : bind.getFieldErrors()) {
      errors
          .computeIfAbsent(snakeCase(field.getField()), k -> new java.util.ArrayList<>())
          .add(String.valueOf(field.getDefaultMessage()));
    }
    bind.getGlobalErrors()
        .forEach(
            global ->
                errors
                    .computeIfAbsent("non_field_errors", k -> new java.util.ArrayList<>())
                    .add(String.valueOf(global.getDefaultMessage())));
    String detail =
        errors.entrySet().stream()
            .findFirst()
            .map(e -> e.getKey() + ": " + e.getValue().get(0))
            .orElse("Invalid input.");
    return Problems.of(HttpStatus.BAD_REQUEST, detail, errors);
  }

  private static ProblemDetail badInput(ServerWebInputException input) {
    if (input instanceof MissingRequestValueException missing) {
      String name = missing.getName();
      return Problems.of(
          HttpStatus.BAD_REQUEST,
          "Missing " + missing.getLabel() + " \"" + name + "\".",
          Map.of(name, List.of("This field is required.")));
    }
    UnrecognizedPropertyException unknown = find(input, UnrecognizedPropertyException.class);
    if (unknown != null) {
      String field = fieldPath(unknown);
      String message = "Unknown field \"" + field + "\".";
      return Problems.of(HttpStatus.BAD_REQUEST, message, Map.of(field, List.of(message)));
    }
    DatabindException databind = find(input, DatabindException.class);
    if (databind != null) {
      String field = fieldPath(databind);
      String message = "Invalid value" + (field.isEmpty() ? "" : " for \"" + field + "\"") + ".";
      return field.isEmpty()
          ? Problems.of(HttpStatus.BAD_REQUEST, "Malformed JSON request body.")
          : Problems.of(HttpStatus.BAD_REQUEST, message, Map.of(field, List.of(message)));
    }
    if (find(input, JacksonException.class) != null
        || find(input, DecodingException.class) != null) {
      return Problems.of(HttpStatus.BAD_REQUEST, "Malformed JSON request body.");
    }
    String reason = input.getReason();
    return Problems.of(HttpStatus.BAD_REQUEST, reason == null ? "Invalid request." : reason);
  }

  private static String fieldPath(DatabindException error) {
    StringBuilder path = new StringBuilder();
    for (var ref : error.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  static String snakeCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
