package com.snackmanager.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.defaults.idempotency.IdempotencyKey;
import com.snackmanager.defaults.idempotency.IdempotentRequests;
import com.snackmanager.order.OrderServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** {@code Idempotency-Key} on {@code POST /orders/} (Stripe semantics), per member. */
class IdempotencyIT extends OrderServiceTest {

  @LocalServerPort int port;

  private WebTestClient.ResponseSpec postWithKey(Caller caller, String key, Object body) {
    return client
        .post()
        .uri("/orders/")
        .headers(
            h -> {
              h.setBearerAuth(caller.token());
              h.set("Idempotency-Key", key);
            })
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  @Test
  void theSameKeyAndBodyReplayTheFirstResponseWithoutASecondOrder() {
    Caller member = member();
    String snack = snack("Once only");
    String key = UUID.randomUUID().toString();

    var firstResult =
        postWithKey(member, key, order(snack, 2))
            .expectStatus()
            .isCreated()
            .expectHeader()
            .doesNotExist("Idempotent-Replayed")
            .expectBody()
            .returnResult();
    byte[] first = firstResult.getResponseBody();
    String location = firstResult.getResponseHeaders().getFirst("Location");
    assertThat(location).startsWith("/orders/");
    // the order moves on meanwhile; the replay is still the first answer
    String uid =
        json(get("/orders/?user_id=" + member.id(), member), HttpStatus.OK)
            .get(0)
            .path("uid")
            .asString();
    move(admin(), uid, "APPROVED", null);

    byte[] second =
        postWithKey(member, key, order(snack, 2))
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("Idempotent-Replayed", "true")
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectHeader()
            .valueEquals("Location", location)
            .expectBody()
            .returnResult()
            .getResponseBody();
    assertThat(second).isEqualTo(first);
    assertThat(ordersOf(member)).isOne();
  }

  @Test
  void theSameKeyWithAnotherBodyIsA409() {
    Caller member = member();
    String snack = snack("Keyed");
    String key = "key-" + UUID.randomUUID();
    postWithKey(member, key, order(snack, 1)).expectStatus().isCreated();
    problem(
        postWithKey(member, key, order(snack, 3)),
        HttpStatus.CONFLICT,
        IdempotentRequests.KEY_REUSED);
    assertThat(ordersOf(member)).isOne();
  }

  @Test
  void keysBelongToOneMember() {
    Caller ada = member();
    Caller bob = member();
    String key = "shared-" + UUID.randomUUID();
    postWithKey(ada, key, order(snack("Ada's"), 1)).expectStatus().isCreated();
    postWithKey(bob, key, order(snack("Bob's"), 1)).expectStatus().isCreated();
    assertThat(ordersOf(ada)).isOne();
    assertThat(ordersOf(bob)).isOne();
  }

  @Test
  void aFailedRequestKeepsNothingSoTheKeyCanBeRetried() {
    Caller member = member();
    String snack = snack("Held first");
    place(member(), snack, 1);
    String key = "retry-" + UUID.randomUUID();
    problem(
        postWithKey(member, key, order(snack, 1)),
        HttpStatus.BAD_REQUEST,
        "You cannot order when not delivered snack is in your order.");
    String other = snack("Retried");
    postWithKey(member, key, order(other, 1)).expectStatus().isCreated();
    assertThat(count("SELECT count(*) FROM idempotency_key WHERE member_id = :m", "m", member.id()))
        .isOne();
  }

  @Test
  void aKeyExpiresAfter24Hours() {
    Caller member = member();
    String key = "old-" + UUID.randomUUID();
    Instant yesterday = Instant.now().minus(Duration.ofHours(25));
    clock.at(
        yesterday,
        () -> postWithKey(member, key, order(snack("Yesterday's"), 1)).expectStatus().isCreated());
    // after the window the key is new again, even with another body
    postWithKey(member, key, order(snack("Today's"), 1))
        .expectStatus()
        .isCreated()
        .expectHeader()
        .doesNotExist("Idempotent-Replayed");
    assertThat(ordersOf(member)).isEqualTo(2);
  }

  @Test
  void unusableKeysAreA400() {
    Caller member = member();
    String snack = snack("Badly keyed");
    problem(
        postWithKey(member, "x".repeat(256), order(snack, 1)),
        HttpStatus.BAD_REQUEST,
        IdempotencyKey.UNUSABLE);
    problem(
        postWithKey(member, "", order(snack, 1)), HttpStatus.BAD_REQUEST, IdempotencyKey.UNUSABLE);
    assertThat(ordersOf(member)).isZero();
  }

  @Test
  void concurrentRequestsWithOneKeyPlaceOneOrder() {
    Caller member = member();
    String snack = snack("Double click");
    String key = "race-" + UUID.randomUUID();
    WebClient http = WebClient.create("http://127.0.0.1:" + port);
    List<Integer> statuses =
        Flux.range(0, 8)
            .flatMap(
                i ->
                    http.post()
                        .uri("/orders/")
                        .headers(
                            h -> {
                              h.setBearerAuth(member.token());
                              h.set("Idempotency-Key", key);
                            })
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(order(snack, 1))
                        .exchangeToMono(
                            response ->
                                response.releaseBody().thenReturn(response.statusCode().value())),
                8)
            .collectList()
            .block(Duration.ofMinutes(1));
    assertThat(statuses).hasSize(8).containsOnly(201);
    assertThat(ordersOf(member)).isOne();
  }
}
