package com.snackmanager.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.defaults.web.RequestIds;
import com.snackmanager.order.OrderServiceTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/** {@code GET /orders/}: the shared board with its filters, ordering and paging. */
class ListOrdersIT extends OrderServiceTest {

  private String placeAt(Instant instant, Caller caller, String snackUid) {
    AtomicReference<String> uid = new AtomicReference<>();
    clock.at(instant, () -> uid.set(place(caller, snackUid, 1).path("uid").asString()));
    return uid.get();
  }

  private static List<String> uids(JsonNode list) {
    List<String> uids = new ArrayList<>();
    list.forEach(item -> uids.add(item.path("uid").asString()));
    return uids;
  }

  @Test
  void theDayOfAnOrderIsTheOfficesDay() {
    Caller member = member();
    Instant lateMarch31 = OffsetDateTime.parse("2024-03-31T23:30:00+09:00").toInstant();
    Instant earlyApril1 = OffsetDateTime.parse("2024-04-01T00:30:00+09:00").toInstant();
    String march = placeAt(lateMarch31, member, snack("Late snack"));
    String april = placeAt(earlyApril1, member, snack("Early snack"));

    JsonNode marchOrder = json(get("/orders/" + march, member), HttpStatus.OK);
    assertThat(marchOrder.path("created_at").asString()).isEqualTo("2024-03-31T14:30:00Z");
    assertThat(
            List.of(
                marchOrder.path("year").asInt(),
                marchOrder.path("month").asInt(),
                marchOrder.path("day").asInt()))
        .containsExactly(2024, 3, 31);
    JsonNode aprilOrder = json(get("/orders/" + april, member), HttpStatus.OK);
    assertThat(aprilOrder.path("created_at").asString()).isEqualTo("2024-03-31T15:30:00Z");
    assertThat(
            List.of(
                aprilOrder.path("year").asInt(),
                aprilOrder.path("month").asInt(),
                aprilOrder.path("day").asInt()))
        .containsExactly(2024, 4, 1);

    String mine = "&user_id=" + member.id();
    assertThat(uids(json(get("/orders/?year=2024&month=3" + mine, member), HttpStatus.OK)))
        .containsExactly(march);
    assertThat(uids(json(get("/orders/?year=2024&month=4&day=1" + mine, member), HttpStatus.OK)))
        .containsExactly(april);
    assertThat(uids(json(get("/orders/?year=2024&month=3&day=31" + mine, member), HttpStatus.OK)))
        .containsExactly(march);
    // and a range in the office's calendar
    assertThat(
            uids(
                json(
                    get(
                        "/orders/?created_at__gte=2024-04-01&created_at__lte=2024-04-01" + mine,
                        member),
                    HttpStatus.OK)))
        .containsExactly(april);
  }

  @Test
  void everyMemberSeesEveryOrderNewestFirst() {
    Caller ada = member();
    Caller bob = member();
    Instant base = Instant.parse("2023-05-10T03:00:00Z");
    String first = placeAt(base, ada, snack("First"));
    String second = placeAt(base.plusSeconds(60), bob, snack("Second"));
    String third = placeAt(base.plusSeconds(120), ada, snack("Third"));
    String window = "created_at__gte=2023-05-10T03:00:00Z&created_at__lte=2023-05-10T03:02:00Z";

    var response = get("/orders/?" + window, bob);
    response.expectHeader().valueEquals("X-Total-Count", "3");
    JsonNode list = json(response, HttpStatus.OK);
    assertThat(uids(list)).containsExactly(third, second, first);
    JsonNode item = list.get(0);
    assertThat(item.propertyNames())
        .containsExactly(
            "uid",
            "status",
            "user_id",
            "user_email",
            "created_at",
            "updated_at",
            "estimated_arrival_time",
            "year",
            "month",
            "day",
            "total_quantity",
            "totals");
    assertThat(item.path("user_id").asLong()).isEqualTo(ada.id());
    assertThat(item.path("total_quantity").asLong()).isEqualTo(1);
    assertThat(item.path("totals").path("KRW").decimalValue()).isEqualTo(new BigDecimal("1500"));

    assertThat(uids(json(get("/orders/?ordering=created_at&" + window, bob), HttpStatus.OK)))
        .containsExactly(first, second, third);
    List<String> byUid = new ArrayList<>(List.of(first, second, third));
    byUid.sort(null);
    assertThat(uids(json(get("/orders/?ordering=uid&" + window, bob), HttpStatus.OK)))
        .containsExactlyElementsOf(byUid);
    java.util.Collections.reverse(byUid);
    assertThat(uids(json(get("/orders/?ordering=-uid&" + window, bob), HttpStatus.OK)))
        .containsExactlyElementsOf(byUid);
    assertThat(uids(json(get("/orders/?user_id=" + ada.id() + "&" + window, bob), HttpStatus.OK)))
        .containsExactly(third, first);
    assertThat(uids(json(get("/orders/?uid=" + second, ada), HttpStatus.OK)))
        .containsExactly(second);
    assertThat(
            uids(
                json(
                    get(
                        "/orders/?created_at__gte=2023-05-10T12:01:00+09:00&"
                            + "created_at__lte=2023-05-10T03:02:00Z",
                        bob),
                    HttpStatus.OK)))
        .containsExactly(third, second);
  }

  @Test
  void statusFiltersTheBoard() {
    Caller member = member();
    Caller admin = admin();
    String created = place(member, snack("Stays created"), 1).path("uid").asString();
    String approved = place(member, snack("Gets approved"), 1).path("uid").asString();
    move(admin, approved, "APPROVED", null);
    String mine = "&user_id=" + member.id();
    assertThat(uids(json(get("/orders/?status=APPROVED" + mine, member), HttpStatus.OK)))
        .containsExactly(approved);
    assertThat(uids(json(get("/orders/?status=created" + mine, member), HttpStatus.OK)))
        .containsExactly(created);
    assertThat(
            json(get("/orders/?status=APPROVED" + mine, member), HttpStatus.OK)
                .get(0)
                .path("status")
                .asString())
        .isEqualTo("APPROVED");
  }

  @Test
  void pagesCarryTheTotalAndLinks() {
    Caller member = member();
    Instant base = Instant.parse("2022-01-05T00:00:00Z");
    List<String> placed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      placed.add(placeAt(base.plusSeconds(i), member, snack("Paged " + i)));
    }
    String query = "/orders/?user_id=" + member.id() + "&ordering=created_at&page_size=2";
    var page2 = get(query + "&page=2", member);
    page2
        .expectHeader()
        .valueEquals("X-Total-Count", "5")
        .expectHeader()
        .value(
            "Link",
            link -> assertThat(link).contains("page=3", "rel=\"next\"", "page=1", "rel=\"prev\""));
    assertThat(uids(json(page2, HttpStatus.OK))).containsExactly(placed.get(2), placed.get(3));
    assertThat(uids(json(get(query + "&page=9", member), HttpStatus.OK))).isEmpty();
  }

  @Test
  void aCachedPageIsTheSameResponseAsTheFirstAndAnOrderShowsAtOnce() {
    Caller member = member();
    Instant base = Instant.parse("2022-03-07T00:00:00Z");
    for (int i = 0; i < 3; i++) {
      placeAt(base.plusSeconds(i), member, snack("Cached " + i));
    }
    String query = "/orders/?user_id=" + member.id() + "&page_size=2";

    // the first request loads and encodes the page, the second is served from the cache
    EntityExchangeResult<byte[]> miss = page(query, member);
    EntityExchangeResult<byte[]> hit = page(query, member);
    assertThat(hit.getStatus()).isEqualTo(miss.getStatus());
    assertThat(withoutRequestId(hit.getResponseHeaders()))
        .isEqualTo(withoutRequestId(miss.getResponseHeaders()));
    assertThat(hit.getResponseBody()).isEqualTo(miss.getResponseBody());
    assertThat(miss.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    assertThat(miss.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("3");
    assertThat(miss.getResponseHeaders().getFirst("Link")).contains("page=2", "rel=\"next\"");
    // the cached body does not carry the request's own path: the links follow each request
    get(query.replace("/orders/", "/orders"), member)
        .expectHeader()
        .valueEquals(
            "Link", "</orders?user_id=" + member.id() + "&page=2&page_size=2>; rel=\"next\"");

    // the tests cache lists for an hour: only the placement can have dropped the page
    String newest = placeAt(base.plusSeconds(60), member, snack("Cached 3"));
    EntityExchangeResult<byte[]> after = page(query, member);
    assertThat(after.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("4");
    assertThat(uids(json(get(query, member), HttpStatus.OK)).get(0)).isEqualTo(newest);
  }

  private EntityExchangeResult<byte[]> page(String path, Caller caller) {
    return get(path, caller).expectStatus().isOk().expectBody().returnResult();
  }

  private static Map<String, List<String>> withoutRequestId(HttpHeaders headers) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(copy::put);
    copy.remove(RequestIds.HEADER);
    return copy;
  }

  @Test
  void badFiltersOrderingAndPagingAreA400() {
    Caller member = member();
    for (String query :
        List.of(
            "status=LOST",
            "user_id=abc",
            "year=twenty",
            "month=13",
            "day=0",
            "created_at__gte=yesterday",
            "created_at__lte=2024-02-30",
            "ordering=price",
            "ordering=-status",
            "page=0",
            "page_size=1001")) {
      JsonNode problem = problem(get("/orders/?" + query, member), HttpStatus.BAD_REQUEST, null);
      assertThat(problem.path("errors").propertyNames())
          .as(query)
          .containsExactly(query.substring(0, query.indexOf('=')));
    }
  }
}
