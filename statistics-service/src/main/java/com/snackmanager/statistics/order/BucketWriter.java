package com.snackmanager.statistics.order;

import com.snackmanager.events.orders.OrderStatus;
import com.snackmanager.statistics.order.Contribution.Counts;
import com.snackmanager.statistics.order.Contribution.CurrencyKey;
import com.snackmanager.statistics.order.Contribution.Money;
import com.snackmanager.statistics.order.Contribution.SnackCurrencyKey;
import com.snackmanager.statistics.order.Contribution.SnackKey;
import com.snackmanager.statistics.order.Contribution.StatusKey;
import com.snackmanager.statistics.period.DateRange;
import com.snackmanager.statistics.period.Grain;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Adds a {@link Contribution} (usually a difference) to the bucket tables: one {@code INSERT … ON
 * CONFLICT DO UPDATE} per table, whatever the number of rows, in key order so that concurrent
 * writers lock rows in the same order. {@code order_bucket_figures} gets the same change summed per
 * bucket (its totals added by {@code order_totals_add}), so it always equals what {@code
 * order_bucket} and {@code order_bucket_total} add up to.
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

  private static final String FIGURES =
      """
      INSERT INTO order_bucket_figures AS b (grain, bucket, snack_quantity, created, approved,
                                             ordered, shipping, completed, cancelled, totals)
      SELECT d.grain, d.bucket, d.quantity, d.created, d.approved, d.ordered, d.shipping,
             d.completed, d.cancelled, order_totals_add('{}', CAST(d.totals AS jsonb))
      FROM unnest(CAST(:grains AS text[]), CAST(:buckets AS date[]),
                  CAST(:quantities AS bigint[]), CAST(:created AS bigint[]),
                  CAST(:approved AS bigint[]), CAST(:ordered AS bigint[]),
                  CAST(:shipping AS bigint[]), CAST(:completed AS bigint[]),
                  CAST(:cancelled AS bigint[]), CAST(:totals AS text[]))
        AS d(grain, bucket, quantity, created, approved, ordered, shipping, completed, cancelled,
             totals)
      ORDER BY 1, 2
      ON CONFLICT (grain, bucket) DO UPDATE SET
        snack_quantity = b.snack_quantity + EXCLUDED.snack_quantity,
        created = b.created + EXCLUDED.created, approved = b.approved + EXCLUDED.approved,
        ordered = b.ordered + EXCLUDED.ordered, shipping = b.shipping + EXCLUDED.shipping,
        completed = b.completed + EXCLUDED.completed, cancelled = b.cancelled + EXCLUDED.cancelled,
        totals = order_totals_add(b.totals, EXCLUDED.totals)
      """;

  private final DatabaseClient db;
  private final FiguresCache cache;

  BucketWriter(DatabaseClient db, FiguresCache cache) {
    this.db = db;
    this.cache = cache;
  }

  /**
   * Adds {@code delta} to the buckets, in the caller's transaction; once that transaction has
   * ended, the cached figures of the days it touched are dropped.
   */
  Mono<Void> add(Contribution delta) {
    Map<BucketKey, BucketDelta> figures = BucketDelta.of(delta);
    return afterCompletion(() -> figures.keySet().forEach(key -> cache.invalidate(key.days())))
        .then(
            write(
                STATUSES,
                delta.statuses(),
                new Column<StatusKey, Counts>("grains", e -> e.getKey().grain().code()),
                new Column<>("buckets", e -> e.getKey().bucket().toString()),
                new Column<>("statuses", e -> e.getKey().status().name()),
                new Column<>("orders", e -> Long.toString(e.getValue().orders())),
                new Column<>("quantities", e -> Long.toString(e.getValue().quantity()))))
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
                new Column<>("amounts", e -> e.getValue().amount().toPlainString())))
        .then(
            write(
                FIGURES,
                figures,
                new Column<BucketKey, BucketDelta>("grains", e -> e.getKey().grain().code()),
                new Column<>("buckets", e -> e.getKey().bucket().toString()),
                new Column<>("quantities", e -> Long.toString(e.getValue().quantity)),
                status("created", OrderStatus.CREATED),
                status("approved", OrderStatus.APPROVED),
                status("ordered", OrderStatus.ORDERED),
                status("shipping", OrderStatus.SHIPPING),
                status("completed", OrderStatus.COMPLETED),
                status("cancelled", OrderStatus.CANCELLED),
                new Column<>("totals", e -> TotalsJson.write(e.getValue().totals))));
  }

  /** A bucket of either grain. */
  private record BucketKey(Grain grain, LocalDate bucket) implements Comparable<BucketKey> {
    private static final Comparator<BucketKey> ORDER =
        Comparator.comparing(BucketKey::grain).thenComparing(BucketKey::bucket);

    @Override
    public int compareTo(BucketKey other) {
      return ORDER.compare(this, other);
    }

    /** The days the bucket counts. */
    DateRange days() {
      return grain == Grain.DAY
          ? DateRange.of(bucket)
          : new DateRange(bucket, YearMonth.from(bucket).atEndOfMonth());
    }
  }

  /** What a contribution changes in one row of {@code order_bucket_figures}. */
  private static final class BucketDelta {
    long quantity;
    final long[] orders = new long[OrderStatus.values().length];
    final SortedMap<String, Money> totals = new TreeMap<>();

    static Map<BucketKey, BucketDelta> of(Contribution delta) {
      SortedMap<BucketKey, BucketDelta> rows = new TreeMap<>();
      delta
          .statuses()
          .forEach(
              (key, counts) -> {
                BucketDelta row =
                    rows.computeIfAbsent(
                        new BucketKey(key.grain(), key.bucket()), k -> new BucketDelta());
                row.orders[key.status().ordinal()] += counts.orders();
                row.quantity += counts.quantity();
              });
      delta
          .totals()
          .forEach(
              (key, money) ->
                  rows.computeIfAbsent(
                          new BucketKey(key.grain(), key.bucket()), k -> new BucketDelta())
                      .totals
                      .merge(key.currency(), money, Money::plus));
      return rows;
    }
  }

  private static Column<BucketKey, BucketDelta> status(String parameter, OrderStatus status) {
    return new Column<>(parameter, e -> Long.toString(e.getValue().orders[status.ordinal()]));
  }

  /**
   * Runs {@code action} once the current transaction has committed or rolled back (outside a
   * transaction every statement has committed already: at once).
   */
  private static Mono<Void> afterCompletion(Runnable action) {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .doOnNext(
            transaction ->
                transaction.registerSynchronization(
                    new TransactionSynchronization() {
                      @Override
                      public Mono<Void> afterCompletion(int status) {
                        return Mono.fromRunnable(action);
                      }
                    }))
        .then()
        .onErrorResume(NoTransactionException.class, none -> Mono.fromRunnable(action));
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
