package com.snackmanager.defaults.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code ?ordering=field,-other} parameter: comma-separated fields, {@code -} for descending.
 * Only fields a list allows are accepted; anything else is a 400 naming the allowed ones.
 */
public final class Ordering {

  /** One sort key, as the client named it. */
  public record Key(String field, boolean descending) {}

  private Ordering() {}

  public static List<Key> parse(String raw, Set<String> allowed, List<Key> fallback) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    List<Key> keys = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    // -1: ",,," gives four empty fields to refuse, not no fields at all (which was an empty ORDER
    // BY)
    for (String part : raw.split(",", -1)) {
      String token = part.trim();
      if (token.isEmpty() || token.equals("-")) {
        throw ApiException.invalidField(
            "ordering",
            "Empty ordering field in \"" + raw + "\"; separate field names with single commas.");
      }
      boolean descending = token.startsWith("-");
      String field = descending ? token.substring(1) : token;
      if (!allowed.contains(field)) {
        String message =
            "Unknown ordering field \""
                + field
                + "\"; allowed: "
                + String.join(", ", allowed.stream().sorted().toList())
                + ".";
        throw ApiException.invalidField("ordering", message);
      }
      if (seen.add(field)) {
        keys.add(new Key(field, descending));
      }
    }
    return keys;
  }
}
