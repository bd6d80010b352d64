package com.snackmanager.statistics.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.orders.OrderLine;
import com.snackmanager.statistics.StatisticsServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * A known month of orders (2024, Asia/Seoul) fed through Kafka with duplicates, status events of
 * different orders interleaved, a status change before its order's placement, revisions,
 * cancellations, orders on both sides of a month boundary that is also a UTC/Seoul date boundary,
 * and three currencies with decimals; every order endpoint's numbers checked exactly.
 *
 * <pre>
 * order  Seoul time          final status  lines (final)                     counted
 * o1     2024-03-31 23:30    APPROVED      ramen×2 5980 KRW, pringles×1 3.49 USD   3, 11960 KRW, 3.49 USD
 * o2     2024-04-01 00:30    CREATED       pocky×3 120.5 JPY                        3, 361.5 JPY
 *        (2024-03-31 in UTC)
 * o3     2024-04-02 10:00    ORDERED       ramen×4, pocky×1 (revised)               5, 23920 KRW, 120.5 JPY
 * o4     2024-04-02 12:00    CANCELLED     pringles×5                               —
 * o5     2024-04-15 09:00    CANCELLED     ramen×1, gum×2 (after approval)          —
 * o6     2024-04-30 23:59    COMPLETED     gum×3 1.25 USD, pringles×1               4, 7.24 USD
 * o7     2024-05-01 00:00    CREATED       pocky×2 99.99 JPY                        2, 199.98 JPY
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderFiguresIT extends StatisticsServiceTest {

  static final String RAMEN = "sn_t24_ramen";
  static final String PRINGLES = "sn_t24_pringles";
  static final String POCKY = "sn_t24_pocky";
  static final String GUM = "sn_t24_gum";

  static OrderLine ramen(int quantity) {
    return line(RAMEN, "Buldak", quantity, "5980", "KRW");
  }

  static OrderLine pringles(int quantity) {
    return line(PRINGLES, "프링글스", quantity, "3.49", "USD");
  }

  static OrderLine pocky(int quantity, String price) {
    return line(POCKY, "Pocky", quantity, price, "JPY");
  }

  static OrderLine gum(int quantity) {
    return line(GUM, "=Gum", quantity, "1.25", "USD");
  }

  @BeforeAll
  void feedTheMonth() {
    String t1 = "2024-03-31T23:30:00+09:00";
    String t2 = "2024-04-01T00:30:00+09:00";
    String t3 = "2024-04-02T10:00:00+09:00";
    String t4 = "2024-04-02T12:00:00+09:00";
    String t5 = "2024-04-15T09:00:00+09:00";
    String t6 = "2024-04-30T23:59:00+09:00";
    String t7 = "2024-05-01T00:00:00+09:00";
    EventEnvelope o1 = placed("or_t24_1", 1, "ada@example.com", t1, ramen(2), pringles(1));
    EventEnvelope o3Revised =
        revised("or_t24_3", t3, "2024-04-02T10:05:00+09:00", ramen(4), pocky(1, "120.5"));
    EventEnvelope o4Cancelled = moved("or_t24_4", "CREATED", "CANCELLED", t4);

    publish(
        Topics.CATALOG,
        registered(RAMEN, "Buldak", "2024-01-01T00:00:00Z"),
        renamed(RAMEN, "Buldak Ramen", "2024-02-01T00:00:00Z"),
        // an older edit delivered late does not bring back an old name
        renamed(RAMEN, "Old Buldak", "2024-01-15T00:00:00Z"),
        registered(PRINGLES, "프링글스 Original", "2024-01-01T00:00:00Z"),
        registered(POCKY, "Pocky, Chocolate", "2024-01-01T00:00:00Z"));
    publish(
        Topics.ORDERS,
        placed("or_t24_3", 1, "ada@example.com", t3, ramen(1), pringles(2)),
        // the approval of o6 arrives before its placement
        moved("or_t24_6", "CREATED", "APPROVED", t6),
        o1,
        o1,
        placed("or_t24_4", 3, "cy@example.com", t4, pringles(5)),
        placed("or_t24_5", 2, "bob@example.com", t5, ramen(1), gum(2)),
        o3Revised,
        placed("or_t24_6", 3, "cy@example.com", t6, gum(3), pringles(1)),
        moved("or_t24_5", "CREATED", "APPROVED", t5),
        placed("or_t24_2", 2, "bob@example.com", t2, pocky(3, "120.5")),
        o4Cancelled,
        o3Revised,
        moved("or_t24_6", "APPROVED", "ORDERED", t6),
        moved("or_t24_3", "CREATED", "APPROVED", t3),
        moved("or_t24_1", "CREATED", "APPROVED", t1),
        moved("or_t24_5", "APPROVED", "CANCELLED", t5),
        o4Cancelled,
        moved("or_t24_6", "ORDERED", "SHIPPING", t6),
        moved("or_t24_3", "APPROVED", "ORDERED", t3),
        placed("or_t24_7", 1, "ada@example.com", t7, pocky(2, "99.99")),
        moved("or_t24_6", "SHIPPING", "COMPLETED", t6));
    awaitCaughtUp();
  }

  static final String MARCH_31 =
      figures(
          "2024-03-31",
          "2024-03-31",
          "2024-03-31",
          1,
          3,
          "{\"KRW\":11960,\"USD\":3.49}",
          "APPROVED",
          1);
  static final String APRIL_1 =
      figures("2024-04-01", "2024-04-01", "2024-04-01", 1, 3, "{\"JPY\":361.5}", "CREATED", 1);
  static final String APRIL_2 =
      figures(
          "2024-04-02",
          "2024-04-02",
          "2024-04-02",
          2,
          5,
          "{\"JPY\":120.5,\"KRW\":23920}",
          "ORDERED",
          1,
          "CANCELLED",
          1);
  static final String APRIL_TOTALS = "{\"JPY\":482,\"KRW\":23920,\"USD\":7.24}";
  static final String YEAR_TOTALS = "{\"JPY\":681.98,\"KRW\":35880,\"USD\":10.73}";

  @Test
  void dailySeriesIsZeroFilledAndSplitsTheDaysInTheBusinessTimeZone() {
    assertJson(
        getJson("/statistics/orders/?period=day&from=2024-03-30&to=2024-04-03"),
        "["
            + String.join(
                ",", emptyDay("2024-03-30"), MARCH_31, APRIL_1, APRIL_2, emptyDay("2024-04-03"))
            + "]");
  }

  @Test
  void dailySeriesAsCsv() {
    assertThat(getCsv("/statistics/orders?period=day&from=2024-03-30&to=2024-04-03"))
        .isEqualTo(
            "period,from,to,order_count,snack_quantity,totals.JPY,totals.KRW,totals.USD,"
                + "by_status.CREATED,by_status.APPROVED,by_status.ORDERED,by_status.SHIPPING,"
                + "by_status.COMPLETED,by_status.CANCELLED\r\n"
                + "2024-03-30,2024-03-30,2024-03-30,0,0,0,0,0,0,0,0,0,0,0\r\n"
                + "2024-03-31,2024-03-31,2024-03-31,1,3,0,11960,3.49,0,1,0,0,0,0\r\n"
                + "2024-04-01,2024-04-01,2024-04-01,1,3,361.5,0,0,1,0,0,0,0,0\r\n"
                + "2024-04-02,2024-04-02,2024-04-02,2,5,120.5,23920,0,0,0,1,0,0,1\r\n"
                + "2024-04-03,2024-04-03,2024-04-03,0,0,0,0,0,0,0,0,0,0,0\r\n");
  }

  @Test
  void weeklySeriesUsesIsoWeeks() {
    assertJson(
        getJson("/statistics/orders?period=week&from=2024-03-25&to=2024-04-07"),
        "["
            + figures(
                "2024-W13",
                "2024-03-25",
                "2024-03-31",
                1,
                3,
                "{\"KRW\":11960,\"USD\":3.49}",
                "APPROVED",
                1)
            + ","
            + figures(
                "2024-W14",
                "2024-04-01",
                "2024-04-07",
                3,
                8,
                "{\"JPY\":482,\"KRW\":23920}",
                "CREATED",
                1,
                "ORDERED",
                1,
                "CANCELLED",
                1)
            + "]");
  }

  @Test
  void monthlySeriesPutsTheBoundaryOrdersInTheirOwnMonths() {
    assertJson(
        getJson("/statistics/orders?period=month&from=2024-02-01&to=2024-05-31"),
        "["
            + figures("2024-02", "2024-02-01", "2024-02-29", 0, 0, "{}")
            + ","
            + figures(
                "2024-03",
                "2024-03-01",
                "2024-03-31",
                1,
                3,
                "{\"KRW\":11960,\"USD\":3.49}",
                "APPROVED",
                1)
            + ","
            + april("2024-04", "2024-04-01", "2024-04-30")
            + ","
            + figures("2024-05", "2024-05-01", "2024-05-31", 1, 2, "{\"JPY\":199.98}", "CREATED", 1)
            + "]");
    // a range that clips its months counts only its own days
    assertJson(
        getJson("/statistics/orders?period=month&from=2024-03-31&to=2024-04-01"),
        "["
            + figures(
                "2024-03",
                "2024-03-31",
                "2024-03-31",
                1,
                3,
                "{\"KRW\":11960,\"USD\":3.49}",
                "APPROVED",
                1)
            + ","
            + figures("2024-04", "2024-04-01", "2024-04-01", 1, 3, "{\"JPY\":361.5}", "CREATED", 1)
            + "]");
  }

  @Test
  void yearlySeriesSumsMonthBuckets() {
    assertJson(
        getJson("/statistics/orders?period=year&from=2023-12-01&to=2024-12-31"),
        "[" + figures("2023", "2023-12-01", "2023-12-31", 0, 0, "{}") + "," + year() + "]");
  }

  @Test
  void singlePeriods() {
    assertJson(getJson("/statistics/orders/2024/"), year());
    assertJson(
        getJson("/statistics/orders/2024/3"),
        figures(
            "2024-03",
            "2024-03-01",
            "2024-03-31",
            1,
            3,
            "{\"KRW\":11960,\"USD\":3.49}",
            "APPROVED",
            1));
    assertJson(
        getJson("/statistics/orders/2024/04/"), april("2024-04", "2024-04-01", "2024-04-30"));
    assertJson(getJson("/statistics/orders/2024/3/31"), MARCH_31);
    assertJson(getJson("/statistics/orders/2024/4/1/"), APRIL_1);
    assertJson(getJson("/statistics/orders/2024/4/3"), emptyDay("2024-04-03"));
  }

  @Test
  void isoWeeksAndNthWeeksOfAMonth() {
    String w13 =
        figures(
            "2024-W13",
            "2024-03-25",
            "2024-03-31",
            1,
            3,
            "{\"KRW\":11960,\"USD\":3.49}",
            "APPROVED",
            1);
    String w14 =
        figures(
            "2024-W14",
            "2024-04-01",
            "2024-04-07",
            3,
            8,
            "{\"JPY\":482,\"KRW\":23920}",
            "CREATED",
            1,
            "ORDERED",
            1,
            "CANCELLED",
            1);
    // the week of 1 May (a Wednesday) starts in April: o6 (30 April) and o7 (1 May)
    String w18 =
        figures(
            "2024-W18",
            "2024-04-29",
            "2024-05-05",
            2,
            6,
            "{\"JPY\":199.98,\"USD\":7.24}",
            "CREATED",
            1,
            "COMPLETED",
            1);
    assertJson(getJson("/statistics/orders/2024/weeks/13"), w13);
    assertJson(getJson("/statistics/orders/2024/weeks/14/"), w14);
    assertJson(getJson("/statistics/orders/2024/3/weeks/5"), w13);
    assertJson(getJson("/statistics/orders/2024/4/weeks/1"), w14);
    assertJson(getJson("/statistics/orders/2024/5/weeks/1"), w18);
    assertJson(getJson("/statistics/orders/2024/weeks/18"), w18);
    assertJson(
        getJson("/statistics/orders/2024/3/weeks/1"),
        figures("2024-W09", "2024-02-26", "2024-03-03", 0, 0, "{}"));
  }

  @Test
  void singlePeriodAsCsv() {
    assertThat(getCsv("/statistics/orders/2024/4"))
        .isEqualTo(
            "period,from,to,order_count,snack_quantity,totals.JPY,totals.KRW,totals.USD,"
                + "by_status.CREATED,by_status.APPROVED,by_status.ORDERED,by_status.SHIPPING,"
                + "by_status.COMPLETED,by_status.CANCELLED\r\n"
                + "2024-04,2024-04-01,2024-04-30,5,12,482,23920,7.24,1,0,1,0,1,2\r\n");
  }

  @Test
  void theOrdersOfAPeriodNewestFirstAndPaginated() {
    var response =
        get("/statistics/orders/list/?year=2024&month=4&page_size=2", member(), null)
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Total-Count", "5")
            .expectHeader()
            .value(
                "Link",
                link ->
                    assertThat(link)
                        .startsWith("</statistics/orders/list?")
                        .contains("year=2024", "month=4", "page=2", "page_size=2")
                        .endsWith("rel=\"next\""))
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertJson(
        tree(response),
        "[{\"uid\":\"or_t24_6\",\"owner_id\":3,\"owner_email\":\"cy@example.com\","
            + "\"status\":\"COMPLETED\",\"created_at\":\"2024-04-30T14:59:00Z\","
            + "\"date\":\"2024-04-30\",\"total_quantity\":4,\"totals\":{\"USD\":7.24}},"
            + "{\"uid\":\"or_t24_5\",\"owner_id\":2,\"owner_email\":\"bob@example.com\","
            + "\"status\":\"CANCELLED\",\"created_at\":\"2024-04-15T00:00:00Z\","
            + "\"date\":\"2024-04-15\",\"total_quantity\":3,"
            + "\"totals\":{\"KRW\":5980,\"USD\":2.5}}]");
    JsonNode last = getJson("/statistics/orders/list?year=2024&month=4&page_size=2&page=3");
    assertThat(last).hasSize(1);
    assertJson(
        last.get(0),
        "{\"uid\":\"or_t24_2\",\"owner_id\":2,\"owner_email\":\"bob@example.com\","
            + "\"status\":\"CREATED\",\"created_at\":\"2024-03-31T15:30:00Z\","
            + "\"date\":\"2024-04-01\",\"total_quantity\":3,\"totals\":{\"JPY\":361.5}}");
    assertThat(uids("/statistics/orders/list?from=2024-03-31&to=2024-04-02&ordering=created_at"))
        .isEqualTo("or_t24_1,or_t24_2,or_t24_3,or_t24_4");
    assertThat(uids("/statistics/orders/list?year=2024&month=4&status=cancelled"))
        .isEqualTo("or_t24_5,or_t24_4");
    assertThat(uids("/statistics/orders/list?year=2024&month=5&week=1&ordering=-uid"))
        .isEqualTo("or_t24_7,or_t24_6");
    get("/statistics/orders/list?year=2024&status=CANCELLED", member(), null)
        .expectHeader()
        .valueEquals("X-Total-Count", "2");
  }

  @Test
  void theOrderListAsCsv() {
    assertThat(getCsv("/statistics/orders/list?year=2024&month=4&day=2"))
        .isEqualTo(
            "uid,owner_id,owner_email,status,created_at,date,total_quantity,totals.JPY,"
                + "totals.KRW,totals.USD\r\n"
                + "or_t24_4,3,cy@example.com,CANCELLED,2024-04-02T03:00:00Z,2024-04-02,5,0,0,17.45\r\n"
                + "or_t24_3,1,ada@example.com,ORDERED,2024-04-02T01:00:00Z,2024-04-02,5,120.5,"
                + "23920,0\r\n");
  }

  @Test
  void perSnackFiguresLeaveCancelledOrdersOut() {
    var response =
        get("/statistics/snacks/?year=2024&month=4", member(), null)
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Total-Count", "4")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertJson(
        tree(response),
        "["
            + snack(POCKY, "\"Pocky, Chocolate\"", 4, 2, "{\"JPY\":482}")
            + ","
            + snack(RAMEN, "\"Buldak Ramen\"", 4, 1, "{\"KRW\":23920}")
            + ","
            // no catalog event: named after its order lines
            + snack(GUM, "\"=Gum\"", 3, 1, "{\"USD\":3.75}")
            + ","
            + snack(PRINGLES, "\"프링글스 Original\"", 1, 1, "{\"USD\":3.49}")
            + "]");
    assertThat(getCsv("/statistics/snacks?year=2024&month=4"))
        .isEqualTo(
            "snack_uid,name,quantity,order_count,totals.JPY,totals.KRW,totals.USD\r\n"
                + "sn_t24_pocky,\"Pocky, Chocolate\",4,2,482,0,0\r\n"
                + "sn_t24_ramen,Buldak Ramen,4,1,0,23920,0\r\n"
                + "sn_t24_gum,'=Gum,3,1,0,0,3.75\r\n"
                + "sn_t24_pringles,프링글스 Original,1,1,0,0,3.49\r\n");
  }

  @Test
  void perSnackFiguresOfAYearArePaginated() {
    var response =
        get("/statistics/snacks?year=2024&page_size=2", member(), null)
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Total-Count", "4")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    // pocky and ramen both 6: pocky is in more orders
    assertJson(
        tree(response),
        "["
            + snack(POCKY, "\"Pocky, Chocolate\"", 6, 3, "{\"JPY\":681.98}")
            + ","
            + snack(RAMEN, "\"Buldak Ramen\"", 6, 2, "{\"KRW\":35880}")
            + "]");
    assertJson(
        getJson("/statistics/snacks?from=2024-03-31&to=2024-03-31"),
        "["
            + snack(RAMEN, "\"Buldak Ramen\"", 2, 1, "{\"KRW\":11960}")
            + ","
            + snack(PRINGLES, "\"프링글스 Original\"", 1, 1, "{\"USD\":3.49}")
            + "]");
    assertJson(getJson("/statistics/snacks?year=2024&month=6"), "[]");
  }

  @Test
  void isoWeekOneOfAYearThatStartsOnAFriday() {
    // 2021-01-01 is a Friday: it and 2020-12-31 are in 2020-W53; 2021-W01 starts on 4 January
    publish(
        Topics.ORDERS,
        placed("or_t20_1", 5, "dee@example.com", "2020-12-31T12:00:00+09:00", pocky(1, "100")),
        placed("or_t20_2", 5, "dee@example.com", "2021-01-01T12:00:00+09:00", pocky(2, "100")),
        placed("or_t20_3", 5, "dee@example.com", "2021-01-04T00:00:00+09:00", pocky(4, "100")));
    awaitCaughtUp();
    assertJson(
        getJson("/statistics/orders/2020/weeks/53"),
        figures("2020-W53", "2020-12-28", "2021-01-03", 2, 3, "{\"JPY\":300}", "CREATED", 2));
    assertJson(
        getJson("/statistics/orders/2021/weeks/1"),
        figures("2021-W01", "2021-01-04", "2021-01-10", 1, 4, "{\"JPY\":400}", "CREATED", 1));
    // week 1 of January 2021 is the ISO week holding 1 January
    assertJson(
        getJson("/statistics/orders/2021/1/weeks/1"),
        figures("2020-W53", "2020-12-28", "2021-01-03", 2, 3, "{\"JPY\":300}", "CREATED", 2));
    assertJson(
        getJson("/statistics/orders?period=week&from=2021-01-01&to=2021-01-04"),
        "["
            + figures("2020-W53", "2021-01-01", "2021-01-03", 1, 2, "{\"JPY\":200}", "CREATED", 1)
            + ","
            + figures("2021-W01", "2021-01-04", "2021-01-04", 1, 4, "{\"JPY\":400}", "CREATED", 1)
            + "]");
    assertJson(
        getJson("/statistics/orders?period=year&from=2020-01-01&to=2021-12-31"),
        "["
            + figures("2020", "2020-01-01", "2020-12-31", 1, 1, "{\"JPY\":100}", "CREATED", 1)
            + ","
            + figures("2021", "2021-01-01", "2021-12-31", 2, 6, "{\"JPY\":600}", "CREATED", 2)
            + "]");
  }

  private static String april(String period, String from, String to) {
    return figures(
        period,
        from,
        to,
        5,
        12,
        APRIL_TOTALS,
        "CREATED",
        1,
        "ORDERED",
        1,
        "COMPLETED",
        1,
        "CANCELLED",
        2);
  }

  private static String year() {
    return figures(
        "2024",
        "2024-01-01",
        "2024-12-31",
        7,
        17,
        YEAR_TOTALS,
        "CREATED",
        2,
        "APPROVED",
        1,
        "ORDERED",
        1,
        "COMPLETED",
        1,
        "CANCELLED",
        2);
  }

  private static String snack(String uid, String name, long quantity, long orders, String totals) {
    return "{\"snack_uid\":\"%s\",\"name\":%s,\"quantity\":%d,\"order_count\":%d,\"totals\":%s}"
        .formatted(uid, name, quantity, orders, totals);
  }

  private String uids(String path) {
    StringBuilder uids = new StringBuilder();
    getJson(path)
        .forEach(
            order -> uids.append(uids.isEmpty() ? "" : ",").append(order.path("uid").asString()));
    return uids.toString();
  }
}
