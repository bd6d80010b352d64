package com.snackmanager.bench.scenario;

import com.snackmanager.bench.report.CpuTable;
import com.snackmanager.bench.report.Measurement;
import com.snackmanager.bench.wrk.WrkResult;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The read-heavy measurements through the gateway, each a wrk run of {@code get.lua} after its own
 * warm-up: the snack list by ratio (first page and a deep page; measurement 2), the order list
 * (part of 3), the statistics of one month and a two-year daily series (4), and the cheapest
 * authenticated read there is, {@code GET /checks/is_authenticated/}, through the gateway and
 * straight to the auth-service, which shows what the gateway itself costs per request (8).
 */
final class ReadScenarios {

  /** Issue 13's targets. */
  static final double LIST_FIRST_PAGE_RATE = 2500;

  static final double LIST_DEEP_PAGE_RATE = 2500;
  static final double ORDER_LIST_RATE = 2000;
  static final double STATISTICS_MONTH_RATE = 3000;
  static final double STATISTICS_MONTH_P99_MS = 20;
  static final double STATISTICS_SERIES_RATE = 500;
  static final double TRIVIAL_GET_RATE = 4000;

  static final String TRIVIAL_GET = "/checks/is_authenticated/";

  private final Context context;

  ReadScenarios(Context context) {
    this.context = context;
  }

  /** The page of 100 that starts 90 % into the list (page 900 of 1,000 at full scale). */
  int deepPage() {
    return Math.max(2, context.pools().shape().snacks() * 9 / 10 / 100);
  }

  void snackList() {
    WrkResult first = get("snack list, first page", "/snacks/?page_size=100");
    int page = deepPage();
    WrkResult deep = get("snack list, page " + page, "/snacks/?page_size=100&page=" + page);
    int snacks = context.pools().shape().snacks();
    context
        .report()
        .add(
            Measurement.rate(
                2,
                "Snack list by ratio, page of 100 of " + Measurement.whole(snacks) + ": first page",
                LIST_FIRST_PAGE_RATE,
                first));
    context
        .report()
        .add(Measurement.rate(2, "Snack list by ratio: page " + page, LIST_DEEP_PAGE_RATE, deep));
    checkClean(first);
    checkClean(deep);
  }

  void orderList() {
    WrkResult list = get("order list, first page", "/orders/?page_size=100");
    context
        .report()
        .add(
            Measurement.rate(
                3,
                "Order list, page of 100 of " + Measurement.whole(context.pools().shape().orders()),
                ORDER_LIST_RATE,
                list));
    checkClean(list);
  }

  void statistics() {
    LocalDate today = LocalDate.now(ZoneId.of(context.settings().businessZone()));
    YearMonth month = YearMonth.from(today).minusMonths(1);
    WrkResult monthly =
        get(
            "statistics of " + month,
            "/statistics/orders/" + month.getYear() + "/" + month.getMonthValue() + "/");
    LocalDate from = today.minusYears(2).plusDays(1);
    WrkResult series =
        get(
            "statistics, daily series of two years",
            "/statistics/orders/?period=day&from=" + from + "&to=" + today);
    context
        .report()
        .add(
            Measurement.rate(
                4, "Statistics month query (" + month + ")", STATISTICS_MONTH_RATE, monthly));
    context
        .report()
        .add(
            Measurement.latency(
                4,
                "Statistics month query (" + month + "), p99",
                STATISTICS_MONTH_P99_MS,
                monthly));
    context
        .report()
        .add(
            Measurement.rate(
                4,
                "Statistics daily series " + from + " – " + today + " (730 rows)",
                STATISTICS_SERIES_RATE,
                series));
    checkClean(monthly);
    checkClean(series);
  }

  /**
   * {@code GET /checks/is_authenticated/} through the gateway and straight to the auth-service: the
   * service only checks the token, so the difference is the gateway's own cost, also as CPU per
   * request of the gateway process. Returns the two CPU tables.
   */
  List<CpuTable> authenticatedGet() {
    String tokens = context.tokensFile().toString();
    Context.Measured via =
        context.warmThenMeasureWithCpu(
            "trivial GET via gateway", context.suite().gateway(), "get.lua", tokens, TRIVIAL_GET);
    Context.Measured direct =
        context.warmThenMeasureWithCpu(
            "trivial GET direct", context.suite().authService(), "get.lua", tokens, TRIVIAL_GET);
    WrkResult gateway = via.result();
    WrkResult straight = direct.result();
    var report = context.report();
    report.add(
        Measurement.rate(
            8,
            "Authenticated trivial GET (" + TRIVIAL_GET + ") through the gateway",
            TRIVIAL_GET_RATE,
            gateway));
    report.add(
        Measurement.info(
            8,
            "The same straight to the auth-service",
            Measurement.whole(straight.successesPerSecond())
                + " req/s, p50 "
                + Measurement.decimal(straight.p50Ms())
                + " ms, p99 "
                + Measurement.decimal(straight.p99Ms())
                + " ms, "
                + straight.non2xx()
                + " non-2xx, "
                + straight.socketErrors()
                + " socket errors"));
    CpuTable.Row gatewayCpu = via.cpu().row("gateway");
    CpuTable.Row authVia = via.cpu().row("auth-service");
    CpuTable.Row authDirect = direct.cpu().row("auth-service");
    report.add(
        Measurement.info(
            8,
            "The gateway's own cost on the trivial GET",
            String.format(
                Locale.ROOT,
                "through the gateway %s of the direct rate; gateway CPU %s ms per request"
                    + " (auth-service %s ms through the gateway, %s ms direct)",
                straight.successesPerSecond() > 0
                    ? String.format(
                        Locale.ROOT,
                        "%.0f %%",
                        100 * gateway.successesPerSecond() / straight.successesPerSecond())
                    : "–",
                perRequest(via.cpu(), gatewayCpu),
                perRequest(via.cpu(), authVia),
                perRequest(direct.cpu(), authDirect))));
    checkClean(gateway);
    checkClean(straight);
    return List.of(via.cpu(), direct.cpu());
  }

  private static String perRequest(CpuTable table, CpuTable.Row row) {
    return row == null || table.msPerRequest(row) < 0
        ? "–"
        : String.format(Locale.ROOT, "%.3f", table.msPerRequest(row));
  }

  private WrkResult get(String name, String path) {
    return context.warmThenMeasure(
        name, context.suite().gateway(), "get.lua", context.tokensFile().toString(), path);
  }

  /** A read that fails is no measurement of the read: say so in the summary. */
  private void checkClean(WrkResult result) {
    if (result.socketErrors() > 0 || result.non2xx() > 0) {
      context
          .report()
          .note(
              result.name()
                  + ": "
                  + result.socketErrors()
                  + " socket errors, "
                  + result.non2xx()
                  + " non-2xx responses; first: "
                  + result.firstFailure());
    }
  }
}
