package com.snackmanager.snack.web;

import com.snackmanager.defaults.web.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Collects the problems of a request body field by field, in the order they were found, and turns
 * them into one 400 with {@code errors: {field: [messages]}}; the {@code detail} names the first.
 */
public final class FieldErrors {

  public static final String REQUIRED = "This field is required.";
  public static final String BLANK = "This field may not be blank.";
  public static final String NULL = "This field may not be null.";

  private final Map<String, List<String>> errors = new LinkedHashMap<>();

  public FieldErrors add(String field, String message) {
    errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    return this;
  }

  public boolean has(String field) {
    return errors.containsKey(field);
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Throws the 400 if anything was recorded. */
  public void throwIfAny() {
    if (errors.isEmpty()) {
      return;
    }
    Map.Entry<String, List<String>> first = errors.entrySet().iterator().next();
    String detail = first.getKey() + ": " + first.getValue().get(0);
    throw new ApiException(HttpStatus.BAD_REQUEST, detail, new LinkedHashMap<>(errors));
  }
}
