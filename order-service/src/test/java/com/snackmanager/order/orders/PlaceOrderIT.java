package com.snackmanager.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.order.OrderServiceTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** {@code POST /orders/}: placing an order, and every way a request can be refused. */
class PlaceOrderIT extends OrderServiceTest {

  @Test
  void aMemberPlacesAnOrderWithPricesCopiedFromTheCatalog() {
    Caller ada = member();
    String ramen = snack("Shin Ramyun 40 pack", "28000", "KRW");
    String chips = snack("Pringles Original", "3.49", "USD");

    JsonNode order = place(ada, ramen, 2, chips, 3);

    assertThat(order.path("uid").asString()).startsWith("or_");
    assertThat(order.path("status").asString()).isEqualTo("CREATED");
    assertThat(order.path("user_id").asLong()).isEqualTo(ada.id());
    assertThat(order.path("user_email").asString()).isEqualTo(ada.email());
    assertThat(order.path("estimated_arrival_time").isNull()).isTrue();
    assertThat(order.path("created_at").asString()).isEqualTo(order.path("updated_at").asString());
    assertThat(order.path("created_at").asString()).endsWith("Z");
    assertThat(order.path("total_quantity").asLong()).isEqualTo(5);
    assertThat(order.path("totals").path("KRW").decimalValue()).isEqualTo(new BigDecimal("56000"));
    assertThat(order.path("totals").path("USD").decimalValue()).isEqualTo(new BigDecimal("10.47"));
    assertThat(order.path("purchase_set")).hasSize(2);
    JsonNode first = order.path("purchase_set").get(0);
    assertThat(first.path("quantity").asInt()).isEqualTo(2);
    assertThat(first.path("unit_price").decimalValue()).isEqualTo(new BigDecimal("28000"));
    assertThat(first.path("currency").asString()).isEqualTo("KRW");
    assertThat(first.path("snack").path("uid").asString()).isEqualTo(ramen);
    assertThat(first.path("snack").path("name").asString()).isEqualTo("Shin Ramyun 40 pack");
    assertThat(first.path("snack").path("image").asString())
        .isEqualTo("/snacks/" + ramen + "/image");
    assertThat(first.path("snack").path("price").decimalValue()).isEqualTo(new BigDecimal("28000"));
    assertThat(order.path("purchase_set").get(1).path("unit_price").decimalValue())
        .isEqualTo(new BigDecimal("3.49"));

    // the same, read back
    JsonNode read = json(get("/orders/" + order.path("uid").asString() + "/", ada), HttpStatus.OK);
    assertThat(read).isEqualTo(order);
  }

  @Test
  void theCreationResponseCarriesALocation() {
    Caller member = member();
    String snack = snack("Located");
    post("/orders", member, order(snack, 1))
        .expectStatus()
        .isCreated()
        .expectHeader()
        .valueMatches("Location", "/orders/or_[0-9A-Za-z]{10}");
  }

  @Test
  void theUnitPriceStaysWhenTheCatalogPriceChangesLater() {
    Caller member = member();
    String snack = snack("Inflating", "1000", "KRW");
    String uid = place(member, snack, 1).path("uid").asString();
    publishAndAwait(
        new com.snackmanager.events.catalog.SnackUpdated(
            snack,
            "Inflating",
            null,
            null,
            null,
            "KRW",
            new BigDecimal("1200"),
            "ACTIVE",
            1,
            java.time.Instant.now()));
    JsonNode line = json(get("/orders/" + uid, member), HttpStatus.OK).path("purchase_set").get(0);
    assertThat(line.path("unit_price").decimalValue()).isEqualTo(new BigDecimal("1000"));
    assertThat(line.path("snack").path("price").decimalValue()).isEqualTo(new BigDecimal("1200"));
  }

  @Test
  void aSnackInAnUndeliveredOrderCannotBePutInAnotherOrder() {
    Caller ada = member();
    Caller bob = member();
    String held = snack("Held");
    String free = snack("Free");
    place(ada, held, 1);

    JsonNode problem =
        problem(
            post("/orders/", bob, order(free, 1, held, 2)),
            HttpStatus.BAD_REQUEST,
            "You cannot order when not delivered snack is in your order.");
    assertThat(problem.path("errors").propertyNames()).containsExactly("snacks[1].uid");
    // nothing of the refused order is stored: the free snack is still free
    assertThat(ordersOf(bob)).isZero();
    place(bob, free, 1);
    // the owner cannot order it a second time either
    problem(
        post("/orders/", ada, order(held, 1)),
        HttpStatus.BAD_REQUEST,
        "You cannot order when not delivered snack is in your order.");
  }

  @Test
  void invalidPayloadsAreRefusedWithoutStoringAnything() {
    Caller member = member();
    String snack = snack("Valid");
    String retired = snack("Retired");
    retire(retired);
    long ordersBefore = count("SELECT count(*) FROM orders");
    long linesBefore = count("SELECT count(*) FROM order_line");

    Map<Object, String> refused =
        Map.ofEntries(
            Map.entry(Map.of(), "snacks"),
            Map.entry(Map.of("snacks", List.of()), "snacks"),
            Map.entry(order(snack, 1, snack, 2), "snacks[1].uid"),
            Map.entry(order(snack, 0), "snacks[0].quantity"),
            Map.entry(order(snack, -1), "snacks[0].quantity"),
            Map.entry(order(snack, 1001), "snacks[0].quantity"),
            Map.entry(
                order(snack, new BigDecimal("99999999999999999999999")), "snacks[0].quantity"),
            Map.entry(order("sn_unknown", 1), "snacks[0].uid"),
            Map.entry(order(retired, 1), "snacks[0].uid"),
            Map.entry(Map.of("snacks", List.of(Map.of("uid", snack))), "snacks[0].quantity"),
            Map.entry(Map.of("snacks", List.of(Map.of("quantity", 1))), "snacks[0].uid"));
    refused.forEach(
        (body, field) -> {
          JsonNode problem = problem(post("/orders/", member, body), HttpStatus.BAD_REQUEST, null);
          assertThat(problem.path("errors").has(field)).as("errors of %s", body).isTrue();
          assertThat(problem.path("detail").asString()).startsWith(field + ": ");
        });

    assertThat(count("SELECT count(*) FROM orders")).isEqualTo(ordersBefore);
    assertThat(count("SELECT count(*) FROM order_line")).isEqualTo(linesBefore);
    assertThat(count("SELECT count(*) FROM held_snack WHERE snack_uid = :uid", "uid", snack))
        .isZero();
    // the valid snack was never held by any of them
    place(member, snack, 1);
  }

  @Test
  void wrongTypesAndMalformedJsonAreA400() {
    Caller member = member();
    String snack = snack("Typed");
    List<String> wrongTypes =
        List.of(
            "{\"snacks\": [{\"uid\": \"" + snack + "\", \"quantity\": \"2\"}]}",
            "{\"snacks\": [{\"uid\": \"" + snack + "\", \"quantity\": 1.5}]}",
            "{\"snacks\": [{\"uid\": \"" + snack + "\", \"quantity\": true}]}",
            "{\"snacks\": [{\"uid\": 12345, \"quantity\": 1}]}",
            "{\"snacks\": \"" + snack + "\"}",
            "{\"snacks\": {\"uid\": \"" + snack + "\"}}");
    for (String body : wrongTypes) {
      JsonNode problem = problem(raw(member, body), HttpStatus.BAD_REQUEST, null);
      assertThat(problem.path("errors").isObject()).as(body).isTrue();
      assertThat(problem.path("errors").propertyNames().iterator().next()).startsWith("snacks");
    }
    for (String body : List.of("{\"snacks\": [", "not json", "[]", "null")) {
      problem(raw(member, body), HttpStatus.BAD_REQUEST, null);
    }
    client
        .post()
        .uri("/orders/")
        .headers(h -> h.setBearerAuth(member.token()))
        .exchange()
        .expectStatus()
        .isBadRequest();
    assertThat(ordersOf(member)).isZero();
  }

  @Test
  void aHugePayloadIsA413() {
    Caller member = member();
    String huge = "{\"snacks\": [{\"uid\": \"" + "x".repeat(300 * 1024) + "\", \"quantity\": 1}]}";
    problem(raw(member, huge), HttpStatus.CONTENT_TOO_LARGE, "Request body is too large.");
    assertThat(ordersOf(member)).isZero();
  }

  @Test
  void aBodyThatIsNotJsonIsA415() {
    Caller member = member();
    client
        .post()
        .uri("/orders/")
        .headers(h -> h.setBearerAuth(member.token()))
        .contentType(MediaType.TEXT_PLAIN)
        .bodyValue("snacks")
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }

  @Test
  void withoutATokenIsA401AndABadTokenToo() {
    problem(
        post("/orders/", null, order("sn_x", 1)),
        HttpStatus.UNAUTHORIZED,
        "Authentication credentials were not provided.");
    problem(get("/orders/", null), HttpStatus.UNAUTHORIZED, null);
    problem(
        get("/orders/", new Caller(1, "x@example.com", "not-a-token")),
        HttpStatus.UNAUTHORIZED,
        "Given token not valid for any token type");
  }

  @Test
  void anUnknownOrderIsA404() {
    Caller member = member();
    problem(get("/orders/or_doesnotexist/", member), HttpStatus.NOT_FOUND, "Order not found.");
    problem(
        get("/orders/or_doesnotexist/history", member), HttpStatus.NOT_FOUND, "Order not found.");
    problem(
        put("/orders/or_doesnotexist", member, order("sn_x", 1)),
        HttpStatus.NOT_FOUND,
        "Order not found.");
    problem(
        patch("/orders/or_doesnotexist/status/", admin(), Map.of("status", "APPROVED")),
        HttpStatus.NOT_FOUND,
        "Order not found.");
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec raw(
      Caller caller, String body) {
    return client
        .post()
        .uri("/orders/")
        .headers(h -> h.setBearerAuth(caller.token()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }
}
