package com.snackmanager.statistics.order;

import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import com.snackmanager.events.orders.OrderStatus;
import com.snackmanager.statistics.money.Totals;
import com.snackmanager.statistics.period.BucketPlan;
import com.snackmanager.statistics.period.DateRange;
import com.snackmanager.statistics.period.Period;
import com.snackmanager.statistics.period.PeriodType;
import com.snackmanager.statistics.period.Series;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads order figures from the buckets (never per order: a period's cost depends on its length),
 * and the order list of a period from the facts.
 */
@Component
public class OrderStatistics {

  /** Sortable fields of the order list, and their columns. */
  public static final Map<String, String> LIST_ORDERING =
      Map.of("created_at", "created_at", "uid", "uid");

  public static final List<Ordering.Key> DEFAULT_LIST_ORDERING =
      List.of(new Ordering.Key("created_at", true));

  /** Everything a bucket adds to a period, in one row per bucket. */
  private static final String FIGURES_ROWS =
      "SELECT bucket, snack_quantity, created, approved, ordered, shipping, completed, cancelled,"
          + " totals FROM order_bucket_figures WHERE ";

  /** The column of {@code order_bucket_figures} that counts each status. */
  private static final Map<OrderStatus, String> STATUS_COLUMNS = statusColumns();

  private final DatabaseClient db;

  OrderStatistics(DatabaseClient db) {
    this.db = db;
  }

  /** One row per period of the series, zero-filled. */
  public Mono<List<PeriodFigures>> series(Series series) {
    return figures(series.type(), series.periods(), series.buckets());
  }

  /** The figures of one period. */
  public Mono<PeriodFigures> period(Period period) {
    return figures(period.type(), List.of(period), BucketPlan.of(period.days()))
        .map(figures -> figures.get(0));
  }

  /** The bucket rows of {@code plan} (one indexed read), summed into {@code periods}. */
  private Mono<List<PeriodFigures>> figures(
      PeriodType type, List<Period> periods, BucketPlan plan) {
    FiguresBuilder builder = new FiguresBuilder(periods);
    Map<LocalDate, String> labels = new HashMap<>();
    // rows are mapped one after the other: the builder is not shared between threads
    return plan.bind(db.sql(FIGURES_ROWS + plan.condition()))
        .map(
            row -> {
              String label = label(type, labels, row.get("bucket", LocalDate.class));
              STATUS_COLUMNS.forEach(
                  (status, column) ->
                      builder.addOrders(label, status, row.get(column, Long.class)));
              builder.addQuantity(label, row.get("snack_quantity", Long.class));
              TotalsJson.read(
                  row.get("totals", String.class),
                  (currency, lines, amount) -> builder.addTotal(label, currency, lines, amount));
              return label;
            })
        .all()
        .then(Mono.fromSupplier(builder::build));
  }

  /** The orders created in {@code range}, optionally of one status, a page at a time. */
  public Mono<List<OrderListItem>> list(
      DateRange range, OrderStatus status, List<Ordering.Key> ordering, PageQuery page) {
    String orderBy =
        ordering.stream()
                .map(key -> LIST_ORDERING.get(key.field()) + (key.descending() ? " DESC" : " ASC"))
                .collect(Collectors.joining(", "))
            + (ordering.stream().anyMatch(key -> key.field().equals("uid")) ? "" : ", uid ASC");
    String sql =
        "SELECT uid, owner_id, owner_email, status, created_at, local_date FROM order_fact"
            + " WHERE local_date BETWEEN :from AND :to"
            + (status == null ? "" : " AND status = :status")
            + " ORDER BY "
            + orderBy
            + " LIMIT :limit OFFSET :offset";
    GenericExecuteSpec spec =
        db.sql(sql)
            .bind("from", range.from())
            .bind("to", range.to())
            .bind("limit", page.pageSize())
            .bind("offset", page.offset());
    if (status != null) {
      spec = spec.bind("status", status.name());
    }
    return spec.map(
            row ->
                new OrderRow(
                    row.get("uid", String.class),
                    row.get("owner_id", Long.class),
                    row.get("owner_email", String.class),
                    row.get("status", String.class),
                    row.get("created_at", Instant.class),
                    row.get("local_date", LocalDate.class)))
        .all()
        .collectList()
        .flatMap(this::withLines);
  }

  /**
   * How many orders {@link #list} pages through, read from the buckets (so counting a busy year
   * costs no more than counting a quiet one).
   */
  public Mono<Long> count(DateRange range, OrderStatus status) {
    BucketPlan plan = BucketPlan.of(range);
    String sql =
        "SELECT CAST(coalesce(sum(order_count), 0) AS bigint) AS orders FROM order_bucket WHERE "
            + plan.condition()
            + (status == null ? "" : " AND status = :status");
    GenericExecuteSpec spec = plan.bind(db.sql(sql));
    if (status != null) {
      spec = spec.bind("status", status.name());
    }
    return spec.map(row -> row.get("orders", Long.class)).one();
  }

  private record OrderRow(
      String uid,
      Long ownerId,
      String ownerEmail,
      String status,
      Instant createdAt,
      LocalDate date) {}

  private record LineRow(String orderUid, int quantity, BigDecimal amount, String currency) {}

  private Mono<List<OrderListItem>> withLines(List<OrderRow> orders) {
    if (orders.isEmpty()) {
      return Mono.just(List.of());
    }
    String[] uids = orders.stream().map(OrderRow::uid).toArray(String[]::new);
    return db.sql(
            "SELECT order_uid, quantity, unit_price, currency FROM order_fact_line"
                + " WHERE order_uid = ANY(CAST(:uids AS text[]))")
        .bind("uids", uids)
        .map(
            row ->
                new LineRow(
                    row.get("order_uid", String.class),
                    row.get("quantity", Integer.class),
                    row.get("unit_price", BigDecimal.class)
                        .multiply(BigDecimal.valueOf(row.get("quantity", Integer.class))),
                    row.get("currency", String.class)))
        .all()
        .collect(Collectors.groupingBy(LineRow::orderUid))
        .map(
            lines ->
                orders.stream()
                    .map(order -> item(order, lines.getOrDefault(order.uid(), List.of())))
                    .toList());
  }

  private static OrderListItem item(OrderRow order, List<LineRow> lines) {
    Totals totals = new Totals();
    long quantity = 0;
    for (LineRow line : lines) {
      totals.add(line.currency(), line.amount());
      quantity += line.quantity();
    }
    return new OrderListItem(
        order.uid(),
        order.ownerId(),
        order.ownerEmail(),
        order.status(),
        order.createdAt(),
        order.date(),
        quantity,
        totals.asMap());
  }

  private static Map<OrderStatus, String> statusColumns() {
    Map<OrderStatus, String> columns = new EnumMap<>(OrderStatus.class);
    for (OrderStatus status : OrderStatus.values()) {
      columns.put(status, status.name().toLowerCase(Locale.ROOT));
    }
    return Collections.unmodifiableMap(columns);
  }

  /** The label of the period (of {@code type}) that holds the bucket starting on {@code day}. */
  private static String label(PeriodType type, Map<LocalDate, String> labels, LocalDate day) {
    return labels.computeIfAbsent(day, d -> type.containing(d).label());
  }
}
