package com.snackmanager.statistics.reaction;

import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads every known snack's reaction counts, sorted and paged in the database. */
@Component
class ReactionStatistics {

  /** Sortable fields and the SQL they sort by. */
  static final Map<String, String> ORDERING =
      Map.of(
          "like_ratio", "(like_count::numeric / GREATEST(hate_count, 1))",
          "like_reaction_count", "like_count",
          "hate_reaction_count", "hate_count",
          "name", "name",
          "snack_uid", "uid");

  static final List<Ordering.Key> DEFAULT_ORDERING =
      List.of(
          new Ordering.Key("like_ratio", true),
          new Ordering.Key("like_reaction_count", true),
          new Ordering.Key("name", false));

  private final DatabaseClient db;

  ReactionStatistics(DatabaseClient db) {
    this.db = db;
  }

  Mono<List<ReactionFigures>> page(String search, List<Ordering.Key> ordering, PageQuery page) {
    String orderBy =
        ordering.stream()
                .map(key -> ORDERING.get(key.field()) + (key.descending() ? " DESC" : " ASC"))
                .map(sql -> sql.startsWith("name") ? sql + " NULLS LAST" : sql)
                .collect(Collectors.joining(", "))
            + ", uid ASC";
    String sql =
        "SELECT uid, name, like_count, hate_count FROM ("
            + "SELECT uid, coalesce(catalog_name, line_name) AS name, like_count, hate_count"
            + " FROM snack) AS s"
            + where(search)
            + " ORDER BY "
            + orderBy
            + " LIMIT :limit OFFSET :offset";
    return bindSearch(db.sql(sql), search)
        .bind("limit", page.pageSize())
        .bind("offset", page.offset())
        .map(
            row ->
                ReactionFigures.of(
                    row.get("uid", String.class),
                    row.get("name", String.class),
                    row.get("like_count", Long.class),
                    row.get("hate_count", Long.class)))
        .all()
        .collectList();
  }

  Mono<Long> count(String search) {
    String sql =
        "SELECT count(*) AS snacks FROM ("
            + "SELECT coalesce(catalog_name, line_name) AS name FROM snack) AS s"
            + where(search);
    return bindSearch(db.sql(sql), search).map(row -> row.get("snacks", Long.class)).one();
  }

  private static String where(String search) {
    return search == null ? "" : " WHERE name ILIKE :pattern ESCAPE '\\'";
  }

  private static GenericExecuteSpec bindSearch(GenericExecuteSpec spec, String search) {
    if (search == null) {
      return spec;
    }
    String escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return spec.bind("pattern", "%" + escaped + "%");
  }
}
