package com.snackmanager.statistics.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.events.envelope.Topics;
import com.snackmanager.statistics.StatisticsServiceTest;
import com.snackmanager.statistics.csv.Encoded;
import com.snackmanager.statistics.period.DateRange;
import com.snackmanager.statistics.period.PeriodSelector;
import com.snackmanager.statistics.period.Series;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

/**
 * Answered figures are kept (the tests run with a one-hour ttl) and a late event for a closed
 * period — a status change, an order placed late — drops exactly the answers that count its day, as
 * soon as it is applied; the other periods stay cached. And {@code order_bucket_figures} always
 * holds what the per-status and per-currency buckets add up to.
 */
class FiguresCacheIT extends StatisticsServiceTest {

  static final String MARCH = "/statistics/orders/2037/3";
  static final String MARCH_DAYS = "/statistics/orders?period=day&from=2037-03-10&to=2037-03-11";
  static final String YEAR = "/statistics/orders/2037";
  static final String APRIL = "/statistics/orders/2037/4";

  @Autowired FiguresCache cache;

  @Test
  void aLateEventForACachedClosedPeriodIsSeenAtOnce() {
    String march10 = "2037-03-10T12:00:00+09:00";
    String march11 = "2037-03-11T23:30:00+09:00";
    String april2 = "2037-04-02T09:00:00+09:00";
    publish(
        Topics.ORDERS,
        placed("or_t37_1", 1, "a@example.com", march10, line("sn_t37", "Late", 2, "1.50", "USD")),
        placed("or_t37_2", 2, "b@example.com", april2, line("sn_t37", "Late", 1, "900", "KRW")));
    awaitCaughtUp();

    assertJson(
        getJson(MARCH),
        figures("2037-03", "2037-03-01", "2037-03-31", 1, 2, "{\"USD\":3}", "CREATED", 1));
    String marchCsv = getCsv(MARCH);
    assertJson(
        getJson(MARCH_DAYS),
        "["
            + figures("2037-03-10", "2037-03-10", "2037-03-10", 1, 2, "{\"USD\":3}", "CREATED", 1)
            + ","
            + emptyDay("2037-03-11")
            + "]");
    assertJson(
        getJson(YEAR),
        figures("2037", "2037-01-01", "2037-12-31", 2, 3, "{\"KRW\":900,\"USD\":3}", "CREATED", 2));
    String april = getBody(APRIL, null);
    assertCached(PeriodSelector.month("2037", "3"));
    assertCached(Series.parse("day", "2037-03-10", "2037-03-11"));
    assertCached(PeriodSelector.year("2037"));
    assertCached(PeriodSelector.month("2037", "4"));

    // weeks later: the first order is cancelled and one more turns up for 11 March
    publish(
        Topics.ORDERS,
        moved("or_t37_1", "CREATED", "CANCELLED", march10),
        placed("or_t37_3", 3, "c@example.com", march11, line("sn_t37", "Late", 5, "900", "KRW")));
    awaitCaughtUp();

    assertNotCached(PeriodSelector.month("2037", "3"));
    assertNotCached(Series.parse("day", "2037-03-10", "2037-03-11"));
    assertNotCached(PeriodSelector.year("2037"));
    assertCached(PeriodSelector.month("2037", "4"));
    assertThat(getBody(APRIL, null)).isEqualTo(april);

    assertJson(
        getJson(MARCH),
        figures(
            "2037-03",
            "2037-03-01",
            "2037-03-31",
            2,
            5,
            "{\"KRW\":4500}",
            "CREATED",
            1,
            "CANCELLED",
            1));
    assertThat(getCsv(MARCH)).isNotEqualTo(marchCsv).contains(",4500,");
    assertJson(
        getJson(MARCH_DAYS),
        "["
            + figures("2037-03-10", "2037-03-10", "2037-03-10", 1, 0, "{}", "CANCELLED", 1)
            + ","
            + figures(
                "2037-03-11", "2037-03-11", "2037-03-11", 1, 5, "{\"KRW\":4500}", "CREATED", 1)
            + "]");
    assertJson(
        getJson(YEAR),
        figures(
            "2037",
            "2037-01-01",
            "2037-12-31",
            3,
            6,
            "{\"KRW\":5400}",
            "CREATED",
            2,
            "CANCELLED",
            1));
  }

  @Test
  void theFiguresRowsAddUpThePerStatusAndPerCurrencyBuckets() {
    publish(
        Topics.ORDERS,
        placed(
            "or_t38_9",
            9,
            "z@example.com",
            "2038-06-30T23:59:00+09:00",
            line("sn_t38", "Cheap", 3, "0.10", "USD"),
            line("sn_t38_b", "Free", 1, "0", "JPY")));
    awaitCaughtUp();
    String detail =
        """
        SELECT k.grain, k.bucket, coalesce(s.snack_quantity, 0) AS snack_quantity,
               coalesce(s.created, 0) AS created, coalesce(s.approved, 0) AS approved,
               coalesce(s.ordered, 0) AS ordered, coalesce(s.shipping, 0) AS shipping,
               coalesce(s.completed, 0) AS completed, coalesce(s.cancelled, 0) AS cancelled,
               coalesce(t.totals, '{}'::jsonb) AS totals
        FROM (SELECT grain, bucket FROM order_bucket
              UNION SELECT grain, bucket FROM order_bucket_total) AS k
        LEFT JOIN (SELECT grain, bucket, sum(snack_quantity) AS snack_quantity,
                          sum(order_count) FILTER (WHERE status = 'CREATED') AS created,
                          sum(order_count) FILTER (WHERE status = 'APPROVED') AS approved,
                          sum(order_count) FILTER (WHERE status = 'ORDERED') AS ordered,
                          sum(order_count) FILTER (WHERE status = 'SHIPPING') AS shipping,
                          sum(order_count) FILTER (WHERE status = 'COMPLETED') AS completed,
                          sum(order_count) FILTER (WHERE status = 'CANCELLED') AS cancelled
                   FROM order_bucket GROUP BY grain, bucket) AS s USING (grain, bucket)
        LEFT JOIN (SELECT grain, bucket,
                          jsonb_object_agg(currency, jsonb_build_object('lines', line_count,
                                                                        'amount', amount))
                            FILTER (WHERE line_count <> 0 OR amount <> 0) AS totals
                   FROM order_bucket_total GROUP BY grain, bucket) AS t USING (grain, bucket)
        """;
    String figures =
        "SELECT grain, bucket, snack_quantity, created, approved, ordered, shipping, completed,"
            + " cancelled, totals FROM order_bucket_figures";
    assertThat(count("SELECT count(*) AS n FROM order_bucket_figures")).isPositive();
    assertThat(count("SELECT count(*) AS n FROM ((" + figures + ") EXCEPT (" + detail + ")) AS d"))
        .isZero();
    assertThat(count("SELECT count(*) AS n FROM ((" + detail + ") EXCEPT (" + figures + ")) AS d"))
        .isZero();
    // a currency whose lines are worth 0 is still present
    assertJson(
        getJson("/statistics/orders/2038/6/30"),
        figures(
            "2038-06-30",
            "2038-06-30",
            "2038-06-30",
            1,
            4,
            "{\"JPY\":0,\"USD\":0.3}",
            "CREATED",
            1));
  }

  private long count(String sql) {
    return db.sql(sql).map(row -> row.get("n", Long.class)).one().block();
  }

  /** {@code key}'s answer is kept: asking again does not load it. */
  private void assertCached(Object key) {
    assertThat(cache.get(key, DateRange.SUPPORTED, 1, FiguresCacheIT::loadedAgain).block())
        .isInstanceOf(Encoded.class);
  }

  private void assertNotCached(Object key) {
    assertThatThrownBy(
            () -> cache.get(key, DateRange.SUPPORTED, 1, FiguresCacheIT::loadedAgain).block())
        .hasMessage("loaded again");
  }

  private static Mono<PeriodFigures> loadedAgain() {
    return Mono.error(new IllegalStateException("loaded again"));
  }
}
