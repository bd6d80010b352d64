package com.snackmanager.deployment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed access to parsed YAML, failing with the path of what is missing. */
final class Yamls {

  private Yamls() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value, String what) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new AssertionError(what + " is not a mapping: " + value);
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value, String what) {
    if (value instanceof List<?> list) {
      return (List<Object>) list;
    }
    throw new AssertionError(what + " is not a list: " + value);
  }

  /** The value at a path of keys, if every step exists. */
  static Optional<Object> at(Object root, String... keys) {
    Object current = root;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return Optional.empty();
      }
      current = map.get(key);
    }
    return Optional.ofNullable(current);
  }

  static Map<String, Object> mapAt(Object root, String... keys) {
    return map(
        at(root, keys).orElseThrow(() -> new AssertionError("missing " + String.join(".", keys))),
        String.join(".", keys));
  }

  static List<Object> listAt(Object root, String... keys) {
    return at(root, keys).map(value -> list(value, String.join(".", keys))).orElse(List.of());
  }

  static String string(Object root, String... keys) {
    return at(root, keys).map(String::valueOf).orElse(null);
  }
}
