package com.snackmanager.bench.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether every service's view of the shared facts agrees with their source: the reaction counts of
 * the snack-, order- and statistics-service with the rows of {@code reaction.reaction}, and the
 * statistics' order facts with the order-service's orders. True of the generated data at once, and
 * of a loaded suite again once its consumers have caught up with the events the benchmark caused.
 */
public final class Consistency {

  private static final String COUNTS =
      """
      WITH r AS (
        SELECT snack_uid,
               count(*) FILTER (WHERE type = 'LIKE') AS likes,
               count(*) FILTER (WHERE type = 'HATE') AS hates
        FROM reaction.reaction GROUP BY snack_uid)
      SELECT
        (SELECT count(*) FROM catalog.snack c LEFT JOIN r ON r.snack_uid = c.uid
         WHERE c.like_reaction_count <> coalesce(r.likes, 0)
            OR c.hate_reaction_count <> coalesce(r.hates, 0)
            OR c.like_ratio <> round(coalesce(r.likes, 0)::numeric
                                     / greatest(coalesce(r.hates, 0), 1), 6)) AS catalog,
        (SELECT count(*) FROM r LEFT JOIN ordering.snack_reaction_count o
                                ON o.snack_uid = r.snack_uid
         WHERE coalesce(o.likes, 0) <> r.likes OR coalesce(o.hates, 0) <> r.hates) AS ordering,
        (SELECT count(*) FROM r LEFT JOIN statistics.snack s ON s.uid = r.snack_uid
         WHERE coalesce(s.like_count, 0) <> r.likes OR coalesce(s.hate_count, 0) <> r.hates)
          AS statistics,
        (SELECT count(*) FROM ordering.orders o
         WHERE NOT EXISTS (SELECT 1 FROM statistics.order_fact f
                           WHERE f.uid = o.uid AND f.status = o.status)) AS order_facts
      """;

  private Consistency() {}

  /**
   * Disagreements by view: snacks whose counts (or ratio) differ from the reaction rows in {@code
   * catalog}, {@code ordering} and {@code statistics}, and orders the statistics do not know with
   * their status ({@code order_facts}). All zero when consistent.
   */
  public static Map<String, Long> disagreements(Connection db) throws SQLException {
    Map<String, Long> result = new LinkedHashMap<>();
    try (PreparedStatement query = db.prepareStatement(COUNTS);
        ResultSet row = query.executeQuery()) {
      row.next();
      for (String view : new String[] {"catalog", "ordering", "statistics", "order_facts"}) {
        result.put(view, row.getLong(view));
      }
    }
    return result;
  }

  public static boolean consistent(Map<String, Long> disagreements) {
    return disagreements.values().stream().allMatch(count -> count == 0);
  }
}
