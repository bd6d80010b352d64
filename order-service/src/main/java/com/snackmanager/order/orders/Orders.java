package com.snackmanager.order.orders;

import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import com.snackmanager.defaults.web.SqlFilter;
import com.snackmanager.events.orders.OrderLine;
import com.snackmanager.events.orders.OrderStatus;
import com.snackmanager.events.outbox.OutboxWriter;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The {@code orders}, {@code order_line} and {@code order_status_change} tables. A change to an
 * order row presents the version it read and changes nothing if another request changed the row
 * meanwhile (optimistic locking).
 */
@Repository
public class Orders {

  /** The fields the list can be ordered by, and their columns. */
  static final Map<String, String> ORDER_COLUMNS = Map.of("created_at", "created_at", "uid", "uid");

  static final List<Ordering.Key> DEFAULT_ORDER = List.of(new Ordering.Key("created_at", true));

  private static final String COLUMNS =
      "id, uid, status, owner_id, owner_email, created_at, updated_at, estimated_arrival_time,"
          + " created_year, created_month, created_day, version";

  /** {@link #place}: the order, its held snacks, lines, creation and event in one statement. */
  private static final String PLACE =
      "WITH placed AS (INSERT INTO orders (uid, status, owner_id, owner_email, created_at,"
          + " updated_at, created_year, created_month, created_day)"
          + " VALUES (:uid, 'CREATED', :ownerId, :ownerEmail, :now, :now, :year, :month, :day)"
          + " RETURNING "
          + COLUMNS
          + "), held AS ("
          + HeldSnacks.holdSql("placed")
          + "), lines AS ("
          + linesSql("placed")
          + "), created AS (INSERT INTO order_status_change"
          + " (order_id, from_status, to_status, changed_by, changed_at)"
          + " SELECT id, NULL, 'CREATED', :ownerId, :now FROM placed), event AS ("
          + OutboxWriter.INSERT_EVENT
          + ") SELECT placed.*, ARRAY(SELECT snack_uid FROM held) AS held FROM placed";

  /** The FROM item of an existing order, the {@code :orderId} parameter, for the inserts below. */
  static final String ORDER_ID = "(SELECT CAST(:orderId AS bigint) AS id)";

  private final DatabaseClient db;

  public Orders(DatabaseClient db) {
    this.db = db;
  }

  static Set<String> orderingFields() {
    return ORDER_COLUMNS.keySet();
  }

  /**
   * A new order, written by one statement (one round trip): its row, the snacks it holds, its
   * lines, its creation in the history and its event. The snacks another order holds are not held
   * and are returned: the caller then fails the transaction, and nothing of the order stays.
   */
  Mono<Placement> place(
      String uid,
      long ownerId,
      String ownerEmail,
      Instant now,
      BusinessDate date,
      List<OrderLine> lines,
      OutboxWriter.PreparedEvent event) {
    String[] snackUids = lines.stream().map(OrderLine::snackUid).toArray(String[]::new);
    var statement =
        db.sql(PLACE)
            .bind("uid", uid)
            .bind("ownerId", ownerId)
            .bind("ownerEmail", ownerEmail)
            .bind("now", now)
            .bind("year", (short) date.year())
            .bind("month", (short) date.month())
            .bind("day", (short) date.day())
            .bind("heldUids", snackUids);
    return event
        .bindTo(bindLines(statement, lines))
        .map(
            row ->
                new Placement(
                    order(row),
                    HeldSnacks.taken(List.of(snackUids), List.of(row.get("held", String[].class)))))
        .one();
  }

  /** What {@link #place} wrote: the order, and the snacks it could not hold. */
  record Placement(Order order, Set<String> taken) {}

  Mono<Order> findByUid(String uid) {
    return db.sql("SELECT " + COLUMNS + " FROM orders WHERE uid = :uid")
        .bind("uid", uid)
        .map(Orders::order)
        .one();
  }

  /**
   * Marks a {@code CREATED} order as edited now.
   *
   * @return the order as changed, or empty if it changed since {@code read} (or left CREATED)
   */
  Mono<Order> touchCreated(Order read, Instant now) {
    return db.sql(
            "UPDATE orders SET updated_at = :now, version = version + 1"
                + " WHERE id = :id AND version = :version AND status = 'CREATED' RETURNING "
                + COLUMNS)
        .bind("now", now)
        .bind("id", read.id())
        .bind("version", read.version())
        .map(Orders::order)
        .one();
  }

  /**
   * Moves the order to {@code to}.
   *
   * @return the order as changed, or empty if it changed since {@code read}
   */
  Mono<Order> changeStatus(Order read, OrderStatus to, Instant arrival, Instant now) {
    var spec =
        db.sql(
                "UPDATE orders SET status = :status, estimated_arrival_time = :arrival,"
                    + " updated_at = :now, version = version + 1"
                    + " WHERE id = :id AND version = :version RETURNING "
                    + COLUMNS)
            .bind("status", to.name())
            .bind("now", now)
            .bind("id", read.id())
            .bind("version", read.version());
    spec =
        arrival == null ? spec.bindNull("arrival", Instant.class) : spec.bind("arrival", arrival);
    return spec.map(Orders::order).one();
  }

  /** Stores the order's purchases, in the order given. */
  Mono<Void> insertLines(long orderId, List<OrderLine> lines) {
    return bindLines(db.sql(linesSql(ORDER_ID)), lines).bind("orderId", orderId).then();
  }

  /**
   * The insert of the purchases bound by {@link #bindLines} for the order whose {@code id} the FROM
   * item {@code order} gives.
   */
  private static String linesSql(String order) {
    return """
        INSERT INTO order_line
          (order_id, position, snack_uid, snack_name, quantity, unit_price, currency)
        SELECT o.id, l.* FROM %s AS o, unnest(CAST(:positions AS integer[]),
          CAST(:uids AS text[]), CAST(:names AS text[]), CAST(:quantities AS integer[]),
          CAST(:prices AS numeric[]), CAST(:currencies AS text[])) AS l"""
        .formatted(order);
  }

  private static DatabaseClient.GenericExecuteSpec bindLines(
      DatabaseClient.GenericExecuteSpec statement, List<OrderLine> lines) {
    int size = lines.size();
    Integer[] positions = new Integer[size];
    String[] uids = new String[size];
    String[] names = new String[size];
    Integer[] quantities = new Integer[size];
    String[] prices = new String[size];
    String[] currencies = new String[size];
    for (int i = 0; i < size; i++) {
      OrderLine line = lines.get(i);
      positions[i] = i;
      uids[i] = line.snackUid();
      names[i] = line.snackName();
      quantities[i] = line.quantity();
      // as text, cast in SQL: NUMERIC keeps the exact digits
      prices[i] = line.unitPrice().toPlainString();
      currencies[i] = line.currency();
    }
    return statement
        .bind("positions", positions)
        .bind("uids", uids)
        .bind("names", names)
        .bind("quantities", quantities)
        .bind("prices", prices)
        .bind("currencies", currencies);
  }

  Mono<Void> deleteLines(long orderId) {
    return db.sql("DELETE FROM order_line WHERE order_id = :orderId")
        .bind("orderId", orderId)
        .then();
  }

  /** The order's purchases, in the order they were placed. */
  Mono<List<OrderLine>> lines(long orderId) {
    return db.sql(
            "SELECT snack_uid, snack_name, quantity, unit_price, currency FROM order_line"
                + " WHERE order_id = :orderId ORDER BY position")
        .bind("orderId", orderId)
        .map(
            row ->
                new OrderLine(
                    row.get("snack_uid", String.class),
                    row.get("snack_name", String.class),
                    row.get("quantity", Integer.class),
                    row.get("unit_price", BigDecimal.class),
                    row.get("currency", String.class)))
        .all()
        .collectList();
  }

  Mono<Void> recordTransition(
      long orderId, OrderStatus from, OrderStatus to, long by, Instant at, Instant arrival) {
    var spec =
        db.sql(
                "INSERT INTO order_status_change"
                    + " (order_id, from_status, to_status, changed_by, changed_at,"
                    + " estimated_arrival_time)"
                    + " VALUES (:orderId, :from, :to, :by, :at, :arrival)")
            .bind("orderId", orderId)
            .bind("to", to.name())
            .bind("by", by)
            .bind("at", at);
    spec = from == null ? spec.bindNull("from", String.class) : spec.bind("from", from.name());
    spec =
        arrival == null ? spec.bindNull("arrival", Instant.class) : spec.bind("arrival", arrival);
    return spec.then();
  }

  /** The recorded transitions of an order, oldest first. */
  Mono<List<HistoryEntry>> history(long orderId) {
    return db.sql(
            "SELECT from_status, to_status, changed_by, changed_at, estimated_arrival_time"
                + " FROM order_status_change WHERE order_id = :orderId ORDER BY id")
        .bind("orderId", orderId)
        .map(
            row -> {
              String from = row.get("from_status", String.class);
              return new HistoryEntry(
                  from == null ? null : OrderStatus.valueOf(from),
                  OrderStatus.valueOf(row.get("to_status", String.class)),
                  row.get("changed_by", Long.class),
                  instant(row.get("changed_at", OffsetDateTime.class)),
                  instant(row.get("estimated_arrival_time", OffsetDateTime.class)));
            })
        .all()
        .collectList();
  }

  Mono<Long> count(OrderFilter filter) {
    SqlFilter where = where(filter);
    return where
        .bindTo(db.sql("SELECT count(*) AS n FROM orders" + where.sql()))
        .map(row -> row.get("n", Long.class))
        .one();
  }

  Mono<List<Order>> page(OrderFilter filter, List<Ordering.Key> ordering, PageQuery page) {
    SqlFilter where = where(filter);
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM orders");
    sql.append(where.sql()).append(" ORDER BY ");
    for (Ordering.Key key : ordering) {
      sql.append(ORDER_COLUMNS.get(key.field()))
          .append(key.descending() ? " DESC" : " ASC")
          .append(", ");
    }
    // a stable order for equal keys, so pages neither repeat nor skip rows
    sql.append("id").append(ordering.get(0).descending() ? " DESC" : " ASC");
    sql.append(" LIMIT :limit OFFSET :offset");
    return where
        .bindTo(db.sql(sql.toString()))
        .bind("limit", page.pageSize())
        .bind("offset", page.offset())
        .map(Orders::order)
        .all()
        .collectList();
  }

  /** Quantity and money per currency of each of the orders, in one query. */
  Mono<Map<Long, Figures>> figures(Collection<Long> orderIds) {
    if (orderIds.isEmpty()) {
      return Mono.just(Map.of());
    }
    return db.sql(
            "SELECT order_id, currency, sum(quantity) AS quantity,"
                + " sum(quantity * unit_price) AS amount FROM order_line"
                + " WHERE order_id = ANY(:ids) GROUP BY order_id, currency")
        .bind("ids", orderIds.toArray(new Long[0]))
        .map(
            row ->
                new CurrencyFigure(
                    row.get("order_id", Long.class),
                    row.get("currency", String.class),
                    row.get("quantity", Long.class),
                    row.get("amount", BigDecimal.class)))
        .all()
        .collectList()
        .map(
            rows -> {
              Map<Long, Long> quantities = new HashMap<>();
              Map<Long, SortedMap<String, BigDecimal>> totals = new HashMap<>();
              for (CurrencyFigure row : rows) {
                quantities.merge(row.orderId(), row.quantity(), Long::sum);
                totals
                    .computeIfAbsent(row.orderId(), id -> new TreeMap<>())
                    .put(row.currency(), row.amount());
              }
              Map<Long, Figures> figures = new HashMap<>();
              quantities.forEach(
                  (id, quantity) -> figures.put(id, new Figures(quantity, totals.get(id))));
              return figures;
            });
  }

  /** An order's total quantity and its money per currency. */
  record Figures(long quantity, SortedMap<String, BigDecimal> totals) {
    static final Figures NONE = new Figures(0, java.util.Collections.emptySortedMap());
  }

  private record CurrencyFigure(long orderId, String currency, long quantity, BigDecimal amount) {}

  private static SqlFilter where(OrderFilter filter) {
    return new SqlFilter()
        .and("uid = :uid", "uid", filter.uid())
        .and("status = :status", "status", filter.status() == null ? null : filter.status().name())
        .and("owner_id = :userId", "userId", filter.userId())
        .and("created_year = :year", "year", shortOf(filter.year()))
        .and("created_month = :month", "month", shortOf(filter.month()))
        .and("created_day = :day", "day", shortOf(filter.day()))
        .and("created_at >= :createdFrom", "createdFrom", filter.createdFrom())
        .and("created_at <= :createdTo", "createdTo", filter.createdTo());
  }

  private static Short shortOf(Integer value) {
    return value == null ? null : value.shortValue();
  }

  private static Order order(Readable row) {
    return new Order(
        row.get("id", Long.class),
        row.get("uid", String.class),
        OrderStatus.valueOf(row.get("status", String.class)),
        row.get("owner_id", Long.class),
        row.get("owner_email", String.class),
        instant(row.get("created_at", OffsetDateTime.class)),
        instant(row.get("updated_at", OffsetDateTime.class)),
        instant(row.get("estimated_arrival_time", OffsetDateTime.class)),
        new BusinessDate(
            row.get("created_year", Short.class),
            row.get("created_month", Short.class),
            row.get("created_day", Short.class)),
        row.get("version", Long.class));
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
