package com.snackmanager.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.orders.OrderStatus;
import com.snackmanager.order.OrderServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Requests that really race each other, sent all at once over separate connections. */
class ConcurrencyIT extends OrderServiceTest {

  @LocalServerPort int port;
  @Autowired Orders orders;

  private WebClient http() {
    return WebClient.create("http://127.0.0.1:" + port);
  }

  private static Mono<Integer> status(WebClient.RequestHeadersSpec<?> request) {
    return request.exchangeToMono(
        response -> response.releaseBody().thenReturn(response.statusCode().value()));
  }

  private static Map<Integer, Long> tally(List<Integer> statuses) {
    return statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
  }

  @Test
  void twentyMembersOrderingOneSnackAtOnceMakeExactlyOneOrder() {
    String snack = snack("Last pack");
    List<Caller> members = IntStream.range(0, 20).mapToObj(i -> member()).toList();
    WebClient http = http();

    List<Integer> statuses =
        Flux.fromIterable(members)
            .flatMap(
                member ->
                    status(
                        http.post()
                            .uri("/orders/")
                            .headers(h -> h.setBearerAuth(member.token()))
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(order(snack, 1))),
                20)
            .collectList()
            .block(Duration.ofMinutes(2));

    assertThat(tally(statuses)).containsOnly(Map.entry(201, 1L), Map.entry(400, 19L));
    assertThat(count("SELECT count(*) FROM order_line WHERE snack_uid = :uid", "uid", snack))
        .isOne();
    assertThat(count("SELECT count(*) FROM held_snack WHERE snack_uid = :uid", "uid", snack))
        .isOne();
    long placed = members.stream().mapToLong(this::ordersOf).sum();
    assertThat(placed).isOne();
  }

  @Test
  void ordersTakingSeveralSnacksInOppositeOrderDoNotDeadlock() {
    for (int round = 0; round < 5; round++) {
      String a = snack("Pair A " + round);
      String b = snack("Pair B " + round);
      Caller first = member();
      Caller second = member();
      WebClient http = http();
      List<Integer> statuses =
          Flux.just(Map.entry(first, order(a, 1, b, 1)), Map.entry(second, order(b, 1, a, 1)))
              .flatMap(
                  entry ->
                      status(
                          http.post()
                              .uri("/orders/")
                              .headers(h -> h.setBearerAuth(entry.getKey().token()))
                              .contentType(MediaType.APPLICATION_JSON)
                              .bodyValue(entry.getValue())),
                  2)
              .collectList()
              .block(Duration.ofMinutes(1));
      assertThat(statuses).containsExactlyInAnyOrder(201, 400);
      assertThat(ordersOf(first) + ordersOf(second)).isOne();
    }
  }

  @Test
  void twoAdminsMovingOneOrderAtOnceMakeOneTransition() {
    for (int round = 0; round < 5; round++) {
      String uid = place(member(), snack("Contested order " + round), 1).path("uid").asString();
      Caller first = admin();
      Caller second = admin();
      WebClient http = http();
      List<Integer> statuses =
          Flux.just(first, second)
              .flatMap(
                  admin ->
                      status(
                          http.method(HttpMethod.PATCH)
                              .uri("/orders/" + uid + "/status/")
                              .headers(h -> h.setBearerAuth(admin.token()))
                              .contentType(MediaType.APPLICATION_JSON)
                              .bodyValue(Map.of("status", "APPROVED"))),
                  2)
              .collectList()
              .block(Duration.ofMinutes(1));
      // the loser either raced the winner's update (409) or read the order after it (400:
      // APPROVED to APPROVED is no move)
      assertThat(statuses).hasSize(2).contains(200).containsAnyOf(409, 400);
      assertThat(tally(statuses).get(200)).isOne();
      assertThat(
              count(
                  "SELECT count(*) FROM order_status_change c JOIN orders o ON o.id = c.order_id"
                      + " WHERE o.uid = :uid AND c.to_status = 'APPROVED'",
                  "uid",
                  uid))
          .isOne();
      assertThat(
              count(
                  "SELECT count(*) FROM outbox WHERE aggregate_id = :uid"
                      + " AND event_type = 'order.status-changed'",
                  "uid",
                  uid))
          .isOne();
    }
  }

  @Test
  void anAdminsMoveAndTheOwnersEditAtOnceDoNotBothWin() {
    for (int round = 0; round < 5; round++) {
      Caller owner = member();
      String snack = snack("Edited or approved " + round);
      String uid = place(owner, snack, 1).path("uid").asString();
      WebClient http = http();
      Mono<Integer> approve =
          status(
              http.method(HttpMethod.PATCH)
                  .uri("/orders/" + uid + "/status/")
                  .headers(h -> h.setBearerAuth(admin().token()))
                  .contentType(MediaType.APPLICATION_JSON)
                  .bodyValue(Map.of("status", "APPROVED")));
      Mono<Integer> edit =
          status(
              http.put()
                  .uri("/orders/" + uid + "/")
                  .headers(h -> h.setBearerAuth(owner.token()))
                  .contentType(MediaType.APPLICATION_JSON)
                  .bodyValue(order(snack, 5)));
      List<Integer> statuses = Flux.merge(approve, edit).collectList().block(Duration.ofMinutes(1));
      assertThat(statuses).contains(200);
      long versions = count("SELECT version FROM orders WHERE uid = :uid", "uid", uid);
      // each change that succeeded bumped the version once; a lost one changed nothing
      assertThat(versions).isEqualTo(tally(statuses).get(200));
    }
  }

  @Test
  void aChangeBasedOnAStaleReadChangesNothing() {
    String uid = place(member(), snack("Stale read"), 1).path("uid").asString();
    Order read = orders.findByUid(uid).block();
    Instant now = Instant.now();
    Order moved = orders.changeStatus(read, OrderStatus.APPROVED, null, now).block();
    assertThat(moved.version()).isEqualTo(read.version() + 1);
    // the second writer still holds the first version: neither its move nor its edit applies
    assertThat(orders.changeStatus(read, OrderStatus.CANCELLED, null, now).blockOptional())
        .isEmpty();
    assertThat(orders.touchCreated(read, now).blockOptional()).isEmpty();
    assertThat(orders.findByUid(uid).block().status()).isEqualTo(OrderStatus.APPROVED);
  }
}
