package com.snackmanager.statistics.snack;

import com.snackmanager.defaults.web.PageQuery;
import com.snackmanager.statistics.money.Totals;
import com.snackmanager.statistics.period.BucketPlan;
import com.snackmanager.statistics.period.DateRange;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Per-snack figures of a period from the snack buckets: month buckets for whole months, day buckets
 * for the rest, so the cost depends on the period's length and the number of snacks, not on the
 * number of orders.
 */
@Component
class SnackStatistics {

  private final DatabaseClient db;

  SnackStatistics(DatabaseClient db) {
    this.db = db;
  }

  private record SnackRow(String snackUid, String name, long quantity, long orderCount) {}

  /** The snacks ordered in {@code range}, most ordered first, a page at a time. */
  Mono<List<SnackFigures>> page(DateRange range, PageQuery page) {
    BucketPlan plan = BucketPlan.of(range);
    String sql =
        """
        SELECT b.snack_uid, coalesce(s.catalog_name, s.line_name) AS name,
               CAST(sum(b.quantity) AS bigint) AS quantity,
               CAST(sum(b.order_count) AS bigint) AS order_count
        FROM snack_bucket b LEFT JOIN snack s ON s.uid = b.snack_uid
        WHERE %s
        GROUP BY b.snack_uid, s.catalog_name, s.line_name
        HAVING sum(b.order_count) > 0
        ORDER BY quantity DESC, order_count DESC, name ASC NULLS LAST, b.snack_uid ASC
        LIMIT :limit OFFSET :offset
        """
            .formatted(plan.condition());
    return plan.bind(db.sql(sql))
        .bind("limit", page.pageSize())
        .bind("offset", page.offset())
        .map(
            row ->
                new SnackRow(
                    row.get("snack_uid", String.class),
                    row.get("name", String.class),
                    row.get("quantity", Long.class),
                    row.get("order_count", Long.class)))
        .all()
        .collectList()
        .flatMap(rows -> withTotals(plan, rows));
  }

  /** How many snacks {@link #page} pages through. */
  Mono<Long> count(DateRange range) {
    BucketPlan plan = BucketPlan.of(range);
    String sql =
        """
        SELECT count(*) AS snacks FROM (
          SELECT snack_uid FROM snack_bucket WHERE %s
          GROUP BY snack_uid HAVING sum(order_count) > 0) AS ordered
        """
            .formatted(plan.condition());
    return plan.bind(db.sql(sql)).map(row -> row.get("snacks", Long.class)).one();
  }

  private Mono<List<SnackFigures>> withTotals(BucketPlan plan, List<SnackRow> rows) {
    if (rows.isEmpty()) {
      return Mono.just(List.of());
    }
    String sql =
        """
        SELECT snack_uid, currency, CAST(sum(line_count) AS bigint) AS line_count,
               sum(amount) AS amount
        FROM snack_bucket_total
        WHERE %s AND snack_uid = ANY(CAST(:uids AS text[]))
        GROUP BY snack_uid, currency
        """
            .formatted(plan.condition());
    Map<String, Totals> totals = new HashMap<>();
    return plan.bind(db.sql(sql))
        .bind("uids", rows.stream().map(SnackRow::snackUid).toArray(String[]::new))
        .map(
            row -> {
              if (row.get("line_count", Long.class) > 0) {
                totals
                    .computeIfAbsent(row.get("snack_uid", String.class), uid -> new Totals())
                    .add(row.get("currency", String.class), row.get("amount", BigDecimal.class));
              }
              return 1;
            })
        .all()
        .then(
            Mono.fromSupplier(
                () ->
                    rows.stream()
                        .map(
                            row ->
                                new SnackFigures(
                                    row.snackUid(),
                                    row.name(),
                                    row.quantity(),
                                    row.orderCount(),
                                    totals.getOrDefault(row.snackUid(), new Totals()).asMap()))
                        .toList()));
  }
}
