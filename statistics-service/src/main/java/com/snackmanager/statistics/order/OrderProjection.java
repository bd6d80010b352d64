package com.snackmanager.statistics.order;

import com.snackmanager.events.orders.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Applies an {@link OrderChange} to the order's fact and the buckets, inside the caller's
 * transaction (the inbox's): the order is locked, its fact read, the new fact computed, the
 * difference of the two {@link Contribution}s added to the buckets, and the fact saved.
 */
@Component
public class OrderProjection {

  /** Advisory lock class of "one order's fact" (an int4 pair: this, hashtext(uid)). */
  private static final int ORDER_LOCK = 0x53544f52;

  private static final String LOCK = "SELECT pg_advisory_xact_lock(:lockClass, hashtext(:uid))";
  private static final String FACT =
      """
      SELECT uid, owner_id, owner_email, status, created_at, local_date, placed, lines_at,
             lines_revised
      FROM order_fact WHERE uid = :uid
      """;
  private static final String LINES =
      """
      SELECT snack_uid, snack_name, quantity, unit_price, currency
      FROM order_fact_line WHERE order_uid = :uid ORDER BY line_no
      """;
  private static final String SAVE =
      """
      INSERT INTO order_fact
        (uid, owner_id, owner_email, status, created_at, local_date, placed, lines_at, lines_revised)
      VALUES
        (:uid, :ownerId, :ownerEmail, :status, :createdAt, :localDate, :placed, :linesAt,
         :linesRevised)
      ON CONFLICT (uid) DO UPDATE SET
        owner_id = EXCLUDED.owner_id, owner_email = EXCLUDED.owner_email, status = EXCLUDED.status,
        created_at = EXCLUDED.created_at, local_date = EXCLUDED.local_date,
        placed = EXCLUDED.placed, lines_at = EXCLUDED.lines_at,
        lines_revised = EXCLUDED.lines_revised, updated_at = now()
      """;
  private static final String DELETE_LINES = "DELETE FROM order_fact_line WHERE order_uid = :uid";
  private static final String INSERT_LINES =
      """
      INSERT INTO order_fact_line
        (order_uid, line_no, snack_uid, snack_name, quantity, unit_price, currency)
      SELECT :uid, l.line_no, l.snack_uid, l.snack_name, l.quantity, l.unit_price, l.currency
      FROM unnest(CAST(:lineNos AS integer[]), CAST(:snackUids AS text[]),
                  CAST(:snackNames AS text[]), CAST(:quantities AS integer[]),
                  CAST(:unitPrices AS numeric[]), CAST(:currencies AS text[]))
        AS l(line_no, snack_uid, snack_name, quantity, unit_price, currency)
      """;
  private static final String LINE_NAMES =
      """
      INSERT INTO snack AS s (uid, line_name, line_name_at)
      SELECT n.uid, n.name, :at
      FROM unnest(CAST(:uids AS text[]), CAST(:names AS text[])) AS n(uid, name)
      ORDER BY n.uid
      ON CONFLICT (uid) DO UPDATE SET line_name = EXCLUDED.line_name,
        line_name_at = EXCLUDED.line_name_at
      WHERE s.line_name_at IS NULL OR s.line_name_at <= EXCLUDED.line_name_at
      """;

  private final DatabaseClient db;
  private final BucketWriter buckets;
  private final ZoneId zone;

  OrderProjection(DatabaseClient db, BucketWriter buckets, ZoneId businessTimeZone) {
    this.db = db;
    this.buckets = buckets;
    this.zone = businessTimeZone;
  }

  /** Applies {@code change}; must run in a transaction. */
  public Mono<Void> apply(OrderChange change) {
    String uid = change.orderUid();
    return db.sql(LOCK)
        .bind("lockClass", ORDER_LOCK)
        .bind("uid", uid)
        .then()
        .then(load(uid))
        .flatMap(
            before -> {
              OrderFact after =
                  before
                      .map(fact -> fact.apply(change, zone))
                      .orElseGet(() -> OrderFact.first(change, zone));
              if (before.isPresent() && before.get().equals(after)) {
                return Mono.empty();
              }
              Contribution delta =
                  Contribution.of(after).minus(Contribution.of(before.orElse(null)));
              return save(after, before.orElse(null)).then(buckets.add(delta));
            });
  }

  private Mono<Optional<OrderFact>> load(String uid) {
    return db.sql(FACT)
        .bind("uid", uid)
        .map(
            row ->
                new OrderFact(
                    row.get("uid", String.class),
                    row.get("owner_id", Long.class),
                    row.get("owner_email", String.class),
                    OrderStatus.valueOf(row.get("status", String.class)),
                    row.get("created_at", Instant.class),
                    row.get("local_date", LocalDate.class),
                    Boolean.TRUE.equals(row.get("placed", Boolean.class)),
                    row.get("lines_at", Instant.class),
                    Boolean.TRUE.equals(row.get("lines_revised", Boolean.class)),
                    List.of()))
        .one()
        .flatMap(fact -> lines(uid).map(lines -> Optional.of(withLines(fact, lines))))
        .defaultIfEmpty(Optional.empty());
  }

  private Mono<List<FactLine>> lines(String uid) {
    return db.sql(LINES)
        .bind("uid", uid)
        .map(
            row ->
                new FactLine(
                    row.get("snack_uid", String.class),
                    row.get("snack_name", String.class),
                    row.get("quantity", Integer.class),
                    row.get("unit_price", java.math.BigDecimal.class),
                    row.get("currency", String.class)))
        .all()
        .collectList();
  }

  private Mono<Void> save(OrderFact fact, OrderFact before) {
    GenericExecuteSpec save =
        db.sql(SAVE)
            .bind("uid", fact.uid())
            .bind("status", fact.status().name())
            .bind("createdAt", fact.createdAt())
            .bind("localDate", fact.localDate())
            .bind("placed", fact.placed())
            .bind("linesRevised", fact.linesRevised());
    save = nullable(save, "ownerId", fact.ownerId(), Long.class);
    save = nullable(save, "ownerEmail", fact.ownerEmail(), String.class);
    save = nullable(save, "linesAt", fact.linesAt(), Instant.class);
    Mono<Void> saved = save.then();
    boolean newLines =
        before == null
            || !Objects.equals(before.linesAt(), fact.linesAt())
            || !before.lines().equals(fact.lines());
    return newLines ? saved.then(replaceLines(fact)).then(lineNames(fact)) : saved;
  }

  private Mono<Void> replaceLines(OrderFact fact) {
    Mono<Void> delete = db.sql(DELETE_LINES).bind("uid", fact.uid()).then();
    List<FactLine> lines = fact.lines();
    if (lines.isEmpty()) {
      return delete;
    }
    int size = lines.size();
    String[] lineNos = new String[size];
    String[] snackUids = new String[size];
    String[] snackNames = new String[size];
    String[] quantities = new String[size];
    String[] unitPrices = new String[size];
    String[] currencies = new String[size];
    for (int i = 0; i < size; i++) {
      FactLine line = lines.get(i);
      lineNos[i] = Integer.toString(i + 1);
      snackUids[i] = line.snackUid();
      snackNames[i] = line.snackName();
      quantities[i] = Integer.toString(line.quantity());
      unitPrices[i] = line.unitPrice().toPlainString();
      currencies[i] = line.currency();
    }
    return delete.then(
        db.sql(INSERT_LINES)
            .bind("uid", fact.uid())
            .bind("lineNos", lineNos)
            .bind("snackUids", snackUids)
            .bind("snackNames", snackNames)
            .bind("quantities", quantities)
            .bind("unitPrices", unitPrices)
            .bind("currencies", currencies)
            .then());
  }

  /** Remembers the snack names on the lines, for snacks the catalog has not named. */
  private Mono<Void> lineNames(OrderFact fact) {
    Map<String, String> names = new LinkedHashMap<>();
    fact.lines().stream()
        .filter(line -> line.snackName() != null && !line.snackName().isBlank())
        .forEach(line -> names.put(line.snackUid(), line.snackName()));
    if (names.isEmpty() || fact.linesAt() == null) {
      return Mono.empty();
    }
    return db.sql(LINE_NAMES)
        .bind("uids", names.keySet().toArray(String[]::new))
        .bind("names", names.values().toArray(String[]::new))
        .bind("at", fact.linesAt())
        .then();
  }

  private static OrderFact withLines(OrderFact fact, List<FactLine> lines) {
    return new OrderFact(
        fact.uid(),
        fact.ownerId(),
        fact.ownerEmail(),
        fact.status(),
        fact.createdAt(),
        fact.localDate(),
        fact.placed(),
        fact.linesAt(),
        fact.linesRevised(),
        lines);
  }

  private static <T> GenericExecuteSpec nullable(
      GenericExecuteSpec spec, String name, T value, Class<T> type) {
    return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
  }
}
