package com.snackmanager.statistics.order;

import com.snackmanager.events.orders.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies {@link OrderChange}s to the orders' facts and the buckets, inside the caller's
 * transaction (the inbox's): for each change in turn the order is locked, its fact read, the new
 * fact computed and saved; the differences of the facts' {@link Contribution}s are summed over the
 * batch and added to the buckets once, in key order (one round of bucket writes per poll however
 * many orders it holds, and concurrent batches lock bucket rows in one order).
 */
@Component
public class OrderProjection {

  /** Advisory lock class of "one order's fact" (an int4 pair: this, hashtext(uid)). */
  private static final int ORDER_LOCK = 0x53544f52;

  // the batch's orders in uid order, so concurrent batches (replicas in a rebalance) never deadlock
  private static final String LOCK_ALL =
      "SELECT pg_advisory_xact_lock(:lockClass, hashtext(u)) FROM unnest(CAST(:uids AS text[])) AS u";
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
      SELECT n.uid, n.name, n.at
      FROM unnest(CAST(:uids AS text[]), CAST(:names AS text[]), CAST(:ats AS timestamptz[]))
        AS n(uid, name, at)
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

  /** Applies {@code changes} in their order; must run in a transaction. */
  public Mono<Void> applyAll(List<OrderChange> changes) {
    if (changes.isEmpty()) {
      return Mono.empty();
    }
    String[] uids =
        changes.stream().map(OrderChange::orderUid).distinct().sorted().toArray(String[]::new);
    Map<String, LineName> names = new TreeMap<>(); // by snack uid: one write, in key order
    return db.sql(LOCK_ALL)
        .bind("lockClass", ORDER_LOCK)
        .bind("uids", uids)
        .then()
        .thenMany(Flux.fromIterable(changes).concatMap(change -> saveFact(change, names)))
        .reduce(Contribution.NONE, Contribution::plus)
        .flatMap(sum -> sum.isEmpty() ? Mono.empty() : buckets.add(sum))
        .then(Mono.defer(() -> lineNames(names)));
  }

  /** Saves the order's new fact (its order is locked); the difference it makes to the buckets. */
  private Mono<Contribution> saveFact(OrderChange change, Map<String, LineName> names) {
    return load(change.orderUid())
        .flatMap(
            before -> {
              OrderFact after =
                  before
                      .map(fact -> fact.apply(change, zone))
                      .orElseGet(() -> OrderFact.first(change, zone));
              if (before.isPresent() && before.get().equals(after)) {
                return Mono.just(Contribution.NONE);
              }
              Contribution delta =
                  Contribution.of(after).minus(Contribution.of(before.orElse(null)));
              return save(after, before.orElse(null), names).thenReturn(delta);
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

  private Mono<Void> save(OrderFact fact, OrderFact before, Map<String, LineName> names) {
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
    return newLines
        ? saved.then(replaceLines(fact)).then(Mono.fromRunnable(() -> LineName.add(names, fact)))
        : saved;
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

  /** Remembers the snack names on the batch's lines, for snacks the catalog has not named. */
  private Mono<Void> lineNames(Map<String, LineName> names) {
    if (names.isEmpty()) {
      return Mono.empty();
    }
    return db.sql(LINE_NAMES)
        .bind("uids", names.keySet().toArray(String[]::new))
        .bind("names", names.values().stream().map(LineName::name).toArray(String[]::new))
        .bind("ats", names.values().stream().map(n -> n.at().toString()).toArray(String[]::new))
        .then();
  }

  /** A snack's name as the latest lines of the batch give it. */
  private record LineName(String name, Instant at) {

    static void add(Map<String, LineName> names, OrderFact fact) {
      if (fact.linesAt() == null) {
        return;
      }
      for (FactLine line : fact.lines()) {
        if (line.snackName() != null && !line.snackName().isBlank()) {
          names.merge(
              line.snackUid(),
              new LineName(line.snackName(), fact.linesAt()),
              (kept, given) -> given.at().isBefore(kept.at()) ? kept : given);
        }
      }
    }
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
