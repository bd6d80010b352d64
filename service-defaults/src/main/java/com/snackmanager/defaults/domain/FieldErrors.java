package com.snackmanager.defaults.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of one request, field by field ({@code email}, {@code snacks[1].quantity}), thrown
 * together as one {@link RuleViolation} (a 400 whose detail is the first problem), so a client
 * learns of every bad field at once. Messages are the seed's (Django REST framework's) wording.
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

  /**
   * A text field that must be present and not blank; records the problem otherwise.
   *
   * @return the value, or {@code null} when it was missing or blank
   */
  public String required(String field, String value) {
    if (value == null) {
      add(field, REQUIRED);
      return null;
    }
    if (value.isBlank()) {
      add(field, BLANK);
      return null;
    }
    return value;
  }

  public boolean has(String field) {
    return errors.containsKey(field);
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public Map<String, List<String>> asMap() {
    return Map.copyOf(errors);
  }

  /** Throws the violation if anything was recorded. */
  public void throwIfAny() {
    if (errors.isEmpty()) {
      return;
    }
    Map.Entry<String, List<String>> first = errors.entrySet().iterator().next();
    throw new RuleViolation(first.getKey() + ": " + first.getValue().get(0), errors);
  }
}
