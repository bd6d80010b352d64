package com.snackmanager.defaults.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A business rule said no: the order-status flow has no such move, the last admin cannot be
 * demoted, a field breaks a rule. Domain code throws it without knowing about HTTP; {@code
 * ProblemMapper} answers it with a 400 problem whose {@code detail} is the message and whose {@code
 * errors} name the fields, if any.
 */
public class RuleViolation extends RuntimeException {

  private final Map<String, List<String>> errors;

  /** A rule about the request as a whole. */
  public RuleViolation(String detail) {
    this(detail, Map.of());
  }

  /**
   * @param errors messages by field ({@code status}, {@code snacks[1].quantity})
   */
  public RuleViolation(String detail, Map<String, List<String>> errors) {
    super(detail);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    errors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
    this.errors = Collections.unmodifiableMap(copy);
  }

  /** A rule about one field: the field named in {@code errors}, the message as the detail. */
  public static RuleViolation ofField(String field, String message) {
    return new RuleViolation(message, Map.of(field, List.of(message)));
  }

  public String detail() {
    return getMessage();
  }

  /** Messages by field, in the order they were found. */
  public Map<String, List<String>> errors() {
    return errors;
  }
}
