package com.snackmanager.statistics.order;

import com.snackmanager.events.orders.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Applies {@link OrderChange}s to the orders' facts and the buckets, inside the caller's
 * transaction (the inbox's): the poll's orders are locked, their facts read at once, each change
 * applied in turn in memory (two events of one order in a poll see each other), the changed facts
 * written at once, and the differences of the facts' {@link Contribution}s summed over the poll and
 * added to the buckets once, in key order. A poll costs the same few statements however many orders
 * it holds, and concurrent polls lock orders and bucket rows in one order.
 */
@Component
public class OrderProjection {

  /** Advisory lock class of "one order's fact" (an int4 pair: this, hashtext(uid)). */
  private static final int ORDER_LOCK = 0x53544f52;

  // the batch's orders in uid order, so concurrent batches (replicas in a rebalance) never deadlock
  private static final String LOCK_ALL =
      "SELECT pg_advisory_xact_lock(:lockClass, hashtext(u)) FROM unnest(CAST(:uids AS text[])) AS u";
  private static final String FACTS =
      """
      SELECT uid, owner_id, owner_email, status, created_at, local_date, placed, lines_at,
             lines_revised
      FROM order_fact WHERE uid = ANY(:uids)
      """;
  private static final String LINES =
      """
      SELECT order_uid, snack_uid, snack_name, quantity, unit_price, currency
      FROM order_fact_line WHERE order_uid = ANY(:uids) ORDER BY order_uid, line_no
      """;
  private static final String SAVE =
      """
      INSERT INTO order_fact
        (uid, owner_id, owner_email, status, created_at, local_date, placed, lines_at, lines_revised)
      SELECT * FROM unnest(CAST(:uids AS text[]), CAST(:ownerIds AS bigint[]),
        CAST(:ownerEmails AS text[]), CAST(:statuses AS text[]), CAST(:createdAts AS timestamptz[]),
        CAST(:localDates AS date[]), CAST(:placed AS boolean[]), CAST(:linesAts AS timestamptz[]),
        CAST(:linesRevised AS boolean[]))
      ORDER BY 1
      ON CONFLICT (uid) DO UPDATE SET
        owner_id = EXCLUDED.owner_id, owner_email = EXCLUDED.owner_email, status = EXCLUDED.status,
        created_at = EXCLUDED.created_at, local_date = EXCLUDED.local_date,
        placed = EXCLUDED.placed, lines_at = EXCLUDED.lines_at,
        lines_revised = EXCLUDED.lines_revised, updated_at = now()
      """;
  private static final String DELETE_LINES =
      "DELETE FROM order_fact_line WHERE order_uid = ANY(:uids)";
  private static final String INSERT_LINES =
      """
      INSERT INTO order_fact_line
        (order_uid, line_no, snack_uid, snack_name, quantity, unit_price, currency)
      SELECT * FROM unnest(CAST(:orderUids AS text[]), CAST(:lineNos AS integer[]),
        CAST(:snackUids AS text[]), CAST(:snackNames AS text[]), CAST(:quantities AS integer[]),
        CAST(:unitPrices AS numeric[]), CAST(:currencies AS text[]))
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
    return db.sql(LOCK_ALL)
        .bind("lockClass", ORDER_LOCK)
        .bind("uids", uids)
        .then()
        .then(Mono.defer(() -> load(uids)))
        .flatMap(
            stored -> {
              Applied applied = apply(changes, stored);
              return save(applied.saved())
                  .then(replaceLines(applied.newLines()))
                  .then(applied.sum().isEmpty() ? Mono.<Void>empty() : buckets.add(applied.sum()))
                  .then(Mono.defer(() -> lineNames(applied.names())));
            });
  }

  /**
   * What a poll's changes do: the facts that differ from the stored ones at the end (in uid order),
   * those of them whose lines differ, the sum of the bucket differences, and the snack names the
   * lines gave on the way.
   */
  private record Applied(
      List<OrderFact> saved,
      List<OrderFact> newLines,
      Contribution sum,
      Map<String, LineName> names) {}

  private Applied apply(List<OrderChange> changes, Map<String, OrderFact> stored) {
    Map<String, OrderFact> current = new TreeMap<>(stored);
    Map<String, LineName> names = new TreeMap<>(); // by snack uid: one write, in key order
    Contribution sum = Contribution.NONE;
    for (OrderChange change : changes) {
      OrderFact before = current.get(change.orderUid());
      OrderFact after = before == null ? OrderFact.first(change, zone) : before.apply(change, zone);
      if (after.equals(before)) {
        continue;
      }
      sum = sum.plus(Contribution.of(after).minus(Contribution.of(before)));
      if (before == null || newLines(before, after)) {
        LineName.add(names, after);
      }
      current.put(after.uid(), after);
    }
    List<OrderFact> saved = new ArrayList<>();
    List<OrderFact> newLines = new ArrayList<>();
    for (OrderFact fact : current.values()) {
      OrderFact before = stored.get(fact.uid());
      if (fact.equals(before)) {
        continue;
      }
      saved.add(fact);
      if (before == null || newLines(before, fact)) {
        newLines.add(fact);
      }
    }
    return new Applied(saved, newLines, sum, names);
  }

  private static boolean newLines(OrderFact before, OrderFact after) {
    return !Objects.equals(before.linesAt(), after.linesAt())
        || !before.lines().equals(after.lines());
  }

  /** The stored facts of the orders, with their lines, by uid. */
  private Mono<Map<String, OrderFact>> load(String[] uids) {
    Mono<Map<String, OrderFact>> facts =
        db.sql(FACTS)
            .bind("uids", uids)
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
            .all()
            .collectMap(OrderFact::uid);
    return facts.flatMap(
        found ->
            found.isEmpty()
                ? Mono.just(found)
                : lines(found.keySet())
                    .map(
                        lines -> {
                          Map<String, OrderFact> withLines = new HashMap<>();
                          found.forEach(
                              (uid, fact) ->
                                  withLines.put(
                                      uid, withLines(fact, lines.getOrDefault(uid, List.of()))));
                          return withLines;
                        }));
  }

  private Mono<Map<String, List<FactLine>>> lines(Collection<String> orderUids) {
    return db.sql(LINES)
        .bind("uids", orderUids.toArray(String[]::new))
        .map(
            row ->
                Map.entry(
                    row.get("order_uid", String.class),
                    new FactLine(
                        row.get("snack_uid", String.class),
                        row.get("snack_name", String.class),
                        row.get("quantity", Integer.class),
                        row.get("unit_price", java.math.BigDecimal.class),
                        row.get("currency", String.class))))
        .all()
        .collect(
            HashMap::new,
            (byOrder, line) ->
                byOrder
                    .computeIfAbsent(line.getKey(), uid -> new ArrayList<>())
                    .add(line.getValue()));
  }

  /** Upserts the facts (in uid order) with one statement. */
  private Mono<Void> save(List<OrderFact> facts) {
    if (facts.isEmpty()) {
      return Mono.empty();
    }
    int n = facts.size();
    String[] uids = new String[n];
    String[] ownerIds = new String[n];
    String[] ownerEmails = new String[n];
    String[] statuses = new String[n];
    String[] createdAts = new String[n];
    String[] localDates = new String[n];
    String[] placed = new String[n];
    String[] linesAts = new String[n];
    String[] linesRevised = new String[n];
    for (int i = 0; i < n; i++) {
      OrderFact fact = facts.get(i);
      uids[i] = fact.uid();
      ownerIds[i] = fact.ownerId() == null ? null : fact.ownerId().toString();
      ownerEmails[i] = fact.ownerEmail();
      statuses[i] = fact.status().name();
      createdAts[i] = fact.createdAt().toString();
      localDates[i] = fact.localDate().toString();
      placed[i] = Boolean.toString(fact.placed());
      linesAts[i] = fact.linesAt() == null ? null : fact.linesAt().toString();
      linesRevised[i] = Boolean.toString(fact.linesRevised());
    }
    return db.sql(SAVE)
        .bind("uids", uids)
        .bind("ownerIds", ownerIds)
        .bind("ownerEmails", ownerEmails)
        .bind("statuses", statuses)
        .bind("createdAts", createdAts)
        .bind("localDates", localDates)
        .bind("placed", placed)
        .bind("linesAts", linesAts)
        .bind("linesRevised", linesRevised)
        .then();
  }

  /** Replaces the lines of the facts with two statements. */
  private Mono<Void> replaceLines(List<OrderFact> facts) {
    if (facts.isEmpty()) {
      return Mono.empty();
    }
    Mono<Void> delete =
        db.sql(DELETE_LINES)
            .bind("uids", facts.stream().map(OrderFact::uid).toArray(String[]::new))
            .then();
    int size = facts.stream().mapToInt(fact -> fact.lines().size()).sum();
    if (size == 0) {
      return delete;
    }
    String[] orderUids = new String[size];
    String[] lineNos = new String[size];
    String[] snackUids = new String[size];
    String[] snackNames = new String[size];
    String[] quantities = new String[size];
    String[] unitPrices = new String[size];
    String[] currencies = new String[size];
    int i = 0;
    for (OrderFact fact : facts) {
      List<FactLine> lines = fact.lines();
      for (int no = 0; no < lines.size(); no++, i++) {
        FactLine line = lines.get(no);
        orderUids[i] = fact.uid();
        lineNos[i] = Integer.toString(no + 1);
        snackUids[i] = line.snackUid();
        snackNames[i] = line.snackName();
        quantities[i] = Integer.toString(line.quantity());
        unitPrices[i] = line.unitPrice().toPlainString();
        currencies[i] = line.currency();
      }
    }
    return delete.then(
        db.sql(INSERT_LINES)
            .bind("orderUids", orderUids)
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
}
