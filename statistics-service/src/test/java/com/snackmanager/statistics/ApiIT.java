package com.snackmanager.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.testsupport.ManagementPort;
import com.snackmanager.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP contract around the figures: who may read, how bad input is refused (400 naming the
 * field, never a 500), content negotiation between JSON and CSV, freshness and the API document.
 */
class ApiIT extends StatisticsServiceTest {

  /** Actuator's own port (random in tests), where the probes and Prometheus go. */
  @LocalManagementPort int managementPort;

  @Test
  void everyEndpointNeedsAValidToken() {
    for (String path :
        new String[] {
          "/statistics/orders?period=day&from=2024-01-01&to=2024-01-02",
          "/statistics/orders/2024",
          "/statistics/orders/list",
          "/statistics/snacks",
          "/statistics/reactions",
          "/statistics/freshness"
        }) {
      get(path, null, null)
          .expectStatus()
          .isUnauthorized()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.detail")
          .isEqualTo("Authentication credentials were not provided.");
      get(path, "not-a-token", null).expectStatus().isUnauthorized();
    }
    String expired = TestTokens.get().expired(5);
    get("/statistics/orders/2024", expired, null).expectStatus().isUnauthorized();
  }

  @Test
  void badSeriesParametersAre400NamingTheField() {
    expectFieldError("/statistics/orders?from=2024-01-01&to=2024-01-02", "period");
    expectFieldError("/statistics/orders?period=fortnight&from=2024-01-01&to=2024-01-02", "period");
    expectFieldError("/statistics/orders?period=day&to=2024-01-02", "from");
    expectFieldError("/statistics/orders?period=day&from=2024-01-01", "to");
    expectFieldError("/statistics/orders?period=day&from=2024-02-30&to=2024-03-02", "from");
    expectFieldError("/statistics/orders?period=day&from=01/02/2024&to=2024-03-02", "from");
    expectFieldError("/statistics/orders?period=day&from=2024-03-02&to=2024-03-01", "from");
    expectFieldError("/statistics/orders?period=day&from=2024-03-02&to=99999-03-01", "to");
    get("/statistics/orders?period=day&from=2000-01-01&to=2024-12-31", member(), null)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("at most 3660 rows"));
    get("/statistics/orders?period=year&from=1900-01-01&to=9999-12-31", member(), null)
        .expectStatus()
        .isBadRequest();
  }

  @Test
  void badPeriodsInThePathAre400() {
    expectFieldError("/statistics/orders/abc", "year");
    expectFieldError("/statistics/orders/1899", "year");
    expectFieldError("/statistics/orders/2024/13", "month");
    expectFieldError("/statistics/orders/2024/0/", "month");
    expectFieldError("/statistics/orders/2023/2/29", "day");
    expectFieldError("/statistics/orders/2024/4/31", "day");
    expectFieldError("/statistics/orders/2024/4/x", "day");
    expectFieldError("/statistics/orders/2021/weeks/53", "week");
    expectFieldError("/statistics/orders/2024/weeks/0", "week");
    expectFieldError("/statistics/orders/2024/3/weeks/6", "week");
    expectFieldError("/statistics/orders/2024/3/weeks/-1", "week");
    get("/statistics/orders/2024/4/1/2", member(), null).expectStatus().isNotFound();
    get("/statistics/nothing", member(), null).expectStatus().isNotFound();
  }

  @Test
  void badListParametersAre400() {
    expectFieldError("/statistics/orders/list?page_size=5000", "page_size");
    expectFieldError("/statistics/orders/list?page=0", "page");
    expectFieldError("/statistics/orders/list?page_size=abc", "page_size");
    expectFieldError("/statistics/orders/list?ordering=price", "ordering");
    expectFieldError("/statistics/orders/list?status=LOST", "status");
    expectFieldError("/statistics/orders/list?month=4", "year");
    expectFieldError("/statistics/orders/list?year=2024&day=4", "month");
    expectFieldError("/statistics/orders/list?from=2024-01-01", "to");
    get("/statistics/orders/list?year=2024&from=2024-01-01&to=2024-01-02", member(), null)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("not both"));
    expectFieldError("/statistics/snacks?year=2024&month=13", "month");
    expectFieldError("/statistics/snacks?page_size=1001", "page_size");
    expectFieldError("/statistics/reactions?ordering=-price", "ordering");
    expectFieldError("/statistics/reactions?page=-1", "page");
  }

  @Test
  void jsonByDefaultCsvOnRequestAndNothingElse() {
    String path = "/statistics/orders/1999/12/31";
    get(path, member(), null)
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    get(path, member(), MediaType.ALL)
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    get(path, member(), MediaType.parseMediaType("text/csv"))
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType("text/csv;charset=UTF-8");
    get(path, member(), MediaType.APPLICATION_XML)
        .expectStatus()
        .isEqualTo(HttpStatus.NOT_ACCEPTABLE)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    // errors stay problem+json even when CSV was asked for
    get("/statistics/orders/1999/13", member(), MediaType.parseMediaType("text/csv"))
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    client
        .post()
        .uri(path)
        .headers(h -> h.setBearerAuth(member()))
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
  }

  @Test
  void anEmptyListIsABareArrayOrAHeaderOnlyCsv() {
    get("/statistics/orders/list?year=1901", member(), null)
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Total-Count", "0")
        .expectBody()
        .json("[]");
    assertThat(getCsv("/statistics/snacks?year=1901"))
        .isEqualTo("snack_uid,name,quantity,order_count,totals.JPY,totals.KRW,totals.USD\r\n");
  }

  @Test
  void freshnessReportsEveryConsumedTopic() {
    awaitCaughtUp();
    JsonNode freshness = getJson("/statistics/freshness/");
    assertThat(freshness.path("consumer_group").asString()).isEqualTo("statistics-service");
    assertThat(freshness.path("lag_events").asLong()).isZero();
    assertThat(freshness.path("lag_ms").asLong()).isZero();
    assertThat(freshness.path("kafka_error").isNull()).isTrue();
    assertThat(freshness.path("checked_at").asString()).endsWith("Z");
    assertThat(freshness.path("topics").valueStream().map(t -> t.path("topic").asString()))
        .containsExactly("snack.orders.v1", "snack.reactions.v1", "snack.catalog.v1");
    for (JsonNode topic : freshness.path("topics")) {
      assertThat(topic.path("lag_events").asLong()).isZero();
      assertThat(topic.has("last_event_occurred_at")).isTrue();
      assertThat(topic.has("since_last_applied_ms")).isTrue();
    }
    assertThat(getCsv("/statistics/freshness"))
        .startsWith(
            "topic,lag_events,lag_ms,events_applied,last_event_occurred_at,last_applied_at,"
                + "since_last_applied_ms\r\nsnack.orders.v1,0,0,");
  }

  @Test
  void theApiDocumentIsPublicAndSnakeCase() {
    get("/v3/api-docs", null, null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/statistics/orders/list']")
        .exists()
        .jsonPath("$.paths['/statistics/rebuild']")
        .exists()
        .jsonPath("$.components.schemas.PeriodFigures.properties.order_count")
        .exists()
        .jsonPath("$.components.securitySchemes.bearer")
        .exists();
    assertThat(ManagementPort.status(managementPort, "/actuator/health/liveness")).isEqualTo(200);
    get("/actuator/health/liveness", null, null).expectStatus().isNotFound();
  }
}
