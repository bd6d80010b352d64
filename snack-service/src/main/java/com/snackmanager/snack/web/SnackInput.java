package com.snackmanager.snack.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of a snack request body by name, as sent: from a JSON object or from the text parts of
 * a multipart form. Absent fields are simply not there (which a PATCH needs to tell from {@code
 * null}). Fields nobody asks for are ignored, as the seed API did.
 */
public final class SnackInput {

  private final Map<String, InputValue> fields;

  public SnackInput(Map<String, InputValue> fields) {
    this.fields = new LinkedHashMap<>(fields);
  }

  public static SnackInput empty() {
    return new SnackInput(Map.of());
  }

  public Optional<InputValue> get(String field) {
    return Optional.ofNullable(fields.get(field));
  }

  public boolean has(String field) {
    return fields.containsKey(field);
  }

  /** The names of the fields the request sent, in its order. */
  public Set<String> names() {
    return Collections.unmodifiableSet(fields.keySet());
  }
}
