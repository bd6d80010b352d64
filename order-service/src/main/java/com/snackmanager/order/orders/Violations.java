package com.snackmanager.order.orders;

import com.snackmanager.defaults.web.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Problems of one request, field by field ({@code snacks[1].quantity}), thrown as one 400. */
final class Violations {

  private final Map<String, List<String>> errors = new LinkedHashMap<>();

  void add(String field, String message) {
    errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Throws the 400 (detail = the first problem) if anything was recorded. */
  void throwIfAny() {
    if (errors.isEmpty()) {
      return;
    }
    Map.Entry<String, List<String>> first = errors.entrySet().iterator().next();
    throw new ApiException(
        HttpStatus.BAD_REQUEST, first.getKey() + ": " + first.getValue().get(0), errors);
  }
}
