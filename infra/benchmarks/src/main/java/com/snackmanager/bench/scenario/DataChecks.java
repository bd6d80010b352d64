package com.snackmanager.bench.scenario;

import com.snackmanager.bench.data.Consistency;
import com.snackmanager.bench.http.Http;
import com.snackmanager.bench.report.Measurement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks around the load: that the services answer with the generated data (so the measurements
 * measure it), and, after all scenarios, that every service's view caught up with the events the
 * load caused (counts equal to the reaction rows, every order in the statistics).
 */
final class DataChecks {

  private final Context context;

  DataChecks(Context context) {
    this.context = context;
  }

  /** The list totals of the snack- and order-service and one month of statistics. */
  void servicesSeeTheData() throws SQLException {
    Http http = context.http();
    String gateway = context.suite().gateway();
    String admin = context.adminToken();
    String snacks = http.get(gateway + "/snacks/?page_size=1", admin).header("X-Total-Count");
    String orders = http.get(gateway + "/orders/?page_size=1", admin).header("X-Total-Count");
    YearMonth month =
        YearMonth.from(LocalDate.now(ZoneId.of(context.settings().businessZone()))).minusMonths(1);
    Http.Response figures =
        http.get(
            gateway + "/statistics/orders/" + month.getYear() + "/" + month.getMonthValue() + "/",
            admin);
    long counted = figures.ok() ? http.json(figures).get("order_count").asLong() : -1;
    long expected = ordersIn(month);
    var shape = context.pools().shape();
    boolean passed =
        String.valueOf(shape.snacks()).equals(snacks)
            && String.valueOf(shape.orders()).equals(orders)
            && counted == expected;
    context
        .report()
        .add(
            Measurement.check(
                0,
                "The services answer with the loaded data",
                shape.snacks()
                    + " snacks, "
                    + shape.orders()
                    + " orders, "
                    + expected
                    + " orders in "
                    + month,
                snacks + " snacks, " + orders + " orders, " + counted + " in the statistics",
                passed));
  }

  /**
   * Waits until every view agrees with its source again (the consumers have applied every event the
   * load caused) and reports how long that took and how fast the statistics-service applied events
   * meanwhile; gives up after {@code limit}.
   */
  void viewsConverge(String after, Duration limit) throws SQLException {
    long start = System.nanoTime();
    long appliedBefore = statisticsEventsApplied();
    Map<String, Long> disagreements = Consistency.disagreements(context.db());
    while (!Consistency.consistent(disagreements) && System.nanoTime() - start < limit.toNanos()) {
      Context.settle(Duration.ofSeconds(5));
      disagreements = Consistency.disagreements(context.db());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double rate = (statisticsEventsApplied() - appliedBefore) / Math.max(seconds, 1);
    boolean consistent = Consistency.consistent(disagreements);
    String measured =
        (consistent
                ? String.format(Locale.ROOT, "after %.0f s", seconds)
                : "not after " + limit.toSeconds() + " s; disagreeing: " + disagreements)
            + (seconds < 10
                ? ""
                : String.format(Locale.ROOT, " (the statistics applied %.0f events/s)", rate));
    Context.log("views after " + after + ": " + measured);
    context
        .report()
        .add(
            Measurement.check(
                0,
                "Every view agrees with its source after "
                    + after
                    + " (counts = reaction rows, every order in the statistics)",
                "within " + limit.toSeconds() + " s",
                measured,
                consistent));
  }

  /** Whether every service still answers its readiness probe, straight at its management port. */
  void servicesStillAnswer() {
    List<String> silent = new ArrayList<>();
    for (Map.Entry<String, String> service : context.suite().managementAddresses().entrySet()) {
      try {
        Http.Response probe =
            context
                .http()
                .get(
                    service.getValue() + "/actuator/health/readiness", null, Duration.ofSeconds(5));
        if (!probe.ok()) {
          silent.add(service.getKey() + " (" + probe.status() + ")");
        }
      } catch (RuntimeException e) {
        silent.add(service.getKey() + " (no answer in 5 s)");
      }
    }
    context
        .report()
        .add(
            Measurement.check(
                0,
                "Every service still answers its readiness probe at the end",
                "all ready",
                silent.isEmpty() ? "all ready" : "not ready: " + String.join(", ", silent),
                silent.isEmpty()));
  }

  private long statisticsEventsApplied() throws SQLException {
    try (PreparedStatement query =
            context
                .db()
                .prepareStatement(
                    "SELECT coalesce(sum(events_applied), 0) FROM statistics.stream_progress");
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private long ordersIn(YearMonth month) throws SQLException {
    try (PreparedStatement query =
        context
            .db()
            .prepareStatement(
                "SELECT count(*) FROM ordering.orders WHERE created_year = ? AND created_month = ?")) {
      query.setInt(1, month.getYear());
      query.setInt(2, month.getMonthValue());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
