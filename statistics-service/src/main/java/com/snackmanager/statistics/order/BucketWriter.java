package com.snackmanager.statistics.order;

import com.snackmanager.statistics.order.Contribution.Counts;
import com.snackmanager.statistics.order.Contribution.CurrencyKey;
import com.snackmanager.statistics.order.Contribution.Money;
import com.snackmanager.statistics.order.Contribution.SnackCurrencyKey;
import com.snackmanager.statistics.order.Contribution.SnackKey;
import com.snackmanager.statistics.order.Contribution.StatusKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Adds a {@link Contribution} (usually a difference) to the bucket tables: one {@code INSERT … ON
 * CONFLICT DO UPDATE} per table, whatever the number of rows, in key order so that concurrent
 * writers lock rows in the same order.
 */
@Component
class BucketWriter {

  private static final String STATUSES =
      """
      INSERT INTO order_bucket AS b (grain, bucket, status, order_count, snack_quantity)
      SELECT * FROM unnest(CAST(:grains AS text[]), CAST(:buckets AS date[]),
                           CAST(:statuses AS text[]), CAST(:orders AS bigint[]),
                           CAST(:quantities AS bigint[]))
      ORDER BY 1, 2, 3
      ON CONFLICT (grain, bucket, status) DO UPDATE SET
        order_count = b.order_count + EXCLUDED.order_count,
        snack_quantity = b.snack_quantity + EXCLUDED.snack_quantity
      """;
  private static final String TOTALS =
      """
      INSERT INTO order_bucket_total AS b (grain, bucket, currency, line_count, amount)
      SELECT * FROM unnest(CAST(:grains AS text[]), CAST(:buckets AS date[]),
                           CAST(:currencies AS text[]), CAST(:lines AS bigint[]),
                           CAST(:amounts AS numeric[]))
      ORDER BY 1, 2, 3
      ON CONFLICT (grain, bucket, currency) DO UPDATE SET
        line_count = b.line_count + EXCLUDED.line_count, amount = b.amount + EXCLUDED.amount
      """;
  private static final String SNACKS =
      """
      INSERT INTO snack_bucket AS b (grain, bucket, snack_uid, order_count, quantity)
      SELECT * FROM unnest(CAST(:grains AS text[]), CAST(:buckets AS date[]),
                           CAST(:snacks AS text[]), CAST(:orders AS bigint[]),
                           CAST(:quantities AS bigint[]))
      ORDER BY 1, 2, 3
      ON CONFLICT (grain, bucket, snack_uid) DO UPDATE SET
        order_count = b.order_count + EXCLUDED.order_count,
        quantity = b.quantity + EXCLUDED.quantity
      """;
  private static final String SNACK_TOTALS =
      """
      INSERT INTO snack_bucket_total AS b (grain, bucket, snack_uid, currency, line_count, amount)
      SELECT * FROM unnest(CAST(:grains AS text[]), CAST(:buckets AS date[]),
                           CAST(:snacks AS text[]), CAST(:currencies AS text[]),
                           CAST(:lines AS bigint[]), CAST(:amounts AS numeric[]))
      ORDER BY 1, 2, 3, 4
      ON CONFLICT (grain, bucket, snack_uid, currency) DO UPDATE SET
        line_count = b.line_count + EXCLUDED.line_count, amount = b.amount + EXCLUDED.amount
      """;

  private final DatabaseClient db;

  BucketWriter(DatabaseClient db) {
    this.db = db;
  }

  Mono<Void> add(Contribution delta) {
    return write(
            STATUSES,
            delta.statuses(),
            new Column<StatusKey, Counts>("grains", e -> e.getKey().grain().code()),
            new Column<>("buckets", e -> e.getKey().bucket().toString()),
            new Column<>("statuses", e -> e.getKey().status().name()),
            new Column<>("orders", e -> Long.toString(e.getValue().orders())),
            new Column<>("quantities", e -> Long.toString(e.getValue().quantity())))
        .then(
            write(
                TOTALS,
                delta.totals(),
                new Column<CurrencyKey, Money>("grains", e -> e.getKey().grain().code()),
                new Column<>("buckets", e -> e.getKey().bucket().toString()),
                new Column<>("currencies", e -> e.getKey().currency()),
                new Column<>("lines", e -> Long.toString(e.getValue().lines())),
                new Column<>("amounts", e -> e.getValue().amount().toPlainString())))
        .then(
            write(
                SNACKS,
                delta.snacks(),
                new Column<SnackKey, Counts>("grains", e -> e.getKey().grain().code()),
                new Column<>("buckets", e -> e.getKey().bucket().toString()),
                new Column<>("snacks", e -> e.getKey().snackUid()),
                new Column<>("orders", e -> Long.toString(e.getValue().orders())),
                new Column<>("quantities", e -> Long.toString(e.getValue().quantity()))))
        .then(
            write(
                SNACK_TOTALS,
                delta.snackTotals(),
                new Column<SnackCurrencyKey, Money>("grains", e -> e.getKey().grain().code()),
                new Column<>("buckets", e -> e.getKey().bucket().toString()),
                new Column<>("snacks", e -> e.getKey().snackUid()),
                new Column<>("currencies", e -> e.getKey().currency()),
                new Column<>("lines", e -> Long.toString(e.getValue().lines())),
                new Column<>("amounts", e -> e.getValue().amount().toPlainString())));
  }

  /** One array parameter of an {@code unnest}, read from each entry. */
  private record Column<K, V>(String parameter, Function<Map.Entry<K, V>, String> value) {}

  @SafeVarargs
  private <K, V> Mono<Void> write(String sql, Map<K, V> rows, Column<K, V>... columns) {
    if (rows.isEmpty()) {
      return Mono.empty();
    }
    List<Map.Entry<K, V>> entries = new ArrayList<>(rows.entrySet());
    GenericExecuteSpec spec = db.sql(sql);
    for (Column<K, V> column : columns) {
      String[] values = new String[entries.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = column.value().apply(entries.get(i));
      }
      spec = spec.bind(column.parameter(), values);
    }
    return spec.then();
  }
}
