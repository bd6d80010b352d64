package com.snackmanager.snack.catalog;

import com.snackmanager.defaults.web.Ordering;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The orders the snack list can be sorted in. Unless a key is unique already (name, uid), the row
 * id is appended as the last key, in the direction of the last requested key: pages never overlap
 * or skip a snack, and each single-field order (and the default one) is exactly the order of one
 * index of the {@code snack} table, so even a deep page is an index scan.
 */
public final class SnackOrdering {

  /** Like-ratio first; among equal ratios more likes first; then the older snack. */
  public static final List<Ordering.Key> DEFAULT =
      List.of(
          new Ordering.Key("like_ratio", true),
          new Ordering.Key("like_reaction_count", true),
          new Ordering.Key("created_at", false));

  private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("like_ratio", "like_ratio");
    COLUMNS.put("like_reaction_count", "like_reaction_count");
    COLUMNS.put("hate_reaction_count", "hate_reaction_count");
    COLUMNS.put("created_at", "created_at");
    // the duplicate-name key: case-insensitive, and unique
    COLUMNS.put("name", "name_key");
    COLUMNS.put("price", "price");
    COLUMNS.put("uid", "uid");
  }

  private static final Set<String> UNIQUE = Set.of("name", "uid");

  private SnackOrdering() {}

  /** The {@code ordering} parameter; an unknown field is a 400. */
  public static List<Ordering.Key> parse(String raw) {
    return Ordering.parse(raw, COLUMNS.keySet(), DEFAULT);
  }

  /** The SQL {@code ORDER BY} list for {@code keys}, with the tiebreaker. */
  public static String orderBy(List<Ordering.Key> keys) {
    StringBuilder sql = new StringBuilder();
    boolean unique = false;
    for (Ordering.Key key : keys) {
      if (!sql.isEmpty()) {
        sql.append(", ");
      }
      sql.append(COLUMNS.get(key.field())).append(key.descending() ? " DESC" : "");
      if (UNIQUE.contains(key.field())) {
        unique = true;
        break; // later keys could never decide anything
      }
    }
    if (!unique) {
      boolean descending = keys.get(keys.size() - 1).descending();
      sql.append(", id").append(descending ? " DESC" : "");
    }
    return sql.toString();
  }
}
