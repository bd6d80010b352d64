package com.snackmanager.bench.scenario;

import com.snackmanager.bench.report.Measurement;
import com.snackmanager.bench.wrk.WrkResult;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The read-heavy measurements through the gateway, each a wrk run of {@code get.lua} after its own
 * warm-up: the snack list by ratio (first page and a deep page; measurement 2), the order list
 * (part of 3), and the statistics of one month and a two-year daily series (4).
 */
final class ReadScenarios {

  static final double LIST_FIRST_PAGE_RATE = 1500;
  static final double LIST_DEEP_PAGE_RATE = 1000;
  static final double ORDER_LIST_RATE = 1000;
  static final double STATISTICS_MONTH_P99_MS = 20;

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
            Measurement.latency(
                4,
                "Statistics month query (" + month + "), p99",
                STATISTICS_MONTH_P99_MS,
                monthly));
    context
        .report()
        .add(
            Measurement.info(
                4,
                "Statistics daily series " + from + " – " + today + " (730 rows)",
                "p99 "
                    + Measurement.decimal(series.p99Ms())
                    + " ms, p50 "
                    + Measurement.decimal(series.p50Ms())
                    + " ms, "
                    + Measurement.whole(series.successesPerSecond())
                    + " req/s, "
                    + series.non2xx()
                    + " non-2xx"));
    checkClean(monthly);
    checkClean(series);
  }

  private WrkResult get(String name, String path) {
    return context.warmThenMeasure(
        name,
        context.suite().gateway(),
        "get.lua",
        context.settings().warmUp(),
        context.tokensFile().toString(),
        path);
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
