package com.snackmanager.defaults.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@code WHERE} clause of a list's filters, built from the filters a request gave: each
 * condition with its named parameter, a filter left out (null) adds nothing. Shared by the lists of
 * members, snacks and orders; the values are always bound, never written into the SQL.
 *
 * <pre>{@code
 * SqlFilter where = new SqlFilter()
 *     .and("status = :status", "status", filter.status() == null ? null : filter.status().name())
 *     .and("name_key LIKE :search ESCAPE '\\'", "search", SqlFilter.containing(search));
 * db.sql("SELECT count(*) FROM snack" + where.sql()) ... where.bindTo(spec)
 * }</pre>
 */
public final class SqlFilter {

  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> bindings = new LinkedHashMap<>();

  /** Adds {@code condition} with {@code value} bound to {@code :name}, unless the value is null. */
  public SqlFilter and(String condition, String name, Object value) {
    if (value != null) {
      conditions.add(condition);
      bindings.put(name, value);
    }
    return this;
  }

  /** {@code ""} without conditions, else {@code " WHERE a AND b"}. */
  public String sql() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** Binds every condition's value to {@code spec}. */
  public DatabaseClient.GenericExecuteSpec bindTo(DatabaseClient.GenericExecuteSpec spec) {
    for (Map.Entry<String, Object> binding : bindings.entrySet()) {
      spec = spec.bind(binding.getKey(), binding.getValue());
    }
    return spec;
  }

  /**
   * A {@code LIKE} pattern for text containing {@code text} literally ({@code %}, {@code _} and
   * {@code \} escaped; use with {@code ESCAPE '\'}), or null for a search left out or blank.
   */
  public static String containing(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
