package com.snackmanager.defaults.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, with the status and the human {@code detail} the client sees.
 * Thrown by domain and web code alike; rendered as {@code application/problem+json}.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final Map<String, List<String>> errors;

  public ApiException(HttpStatus status, String detail) {
    this(status, detail, Map.of());
  }

  public ApiException(HttpStatus status, String detail, Map<String, List<String>> errors) {
    super(detail);
    this.status = status;
    this.errors = Map.copyOf(errors);
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, detail);
  }

  /** A 400 for one invalid field, with the field named in {@code errors}. */
  public static ApiException invalidField(String field, String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message, Map.of(field, List.of(message)));
  }

  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, detail);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, detail);
  }

  public HttpStatus status() {
    return status;
  }

  public String detail() {
    return getMessage();
  }

  public Map<String, List<String>> errors() {
    return errors;
  }
}
