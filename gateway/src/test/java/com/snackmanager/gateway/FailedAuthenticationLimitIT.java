package com.snackmanager.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The limit on requests refused for their token, per client address: the default burst, refilled
 * one a minute here ({@link GatewayTestBase#FAILED_AUTHENTICATION_BURST}), so that an address stays
 * limited for the whole test. Clients connect from other loopback addresses (127.0.0.2, 127.0.0.3)
 * than the other tests (127.0.0.1): the gateway knows them apart by the connection's peer, as it
 * knows real clients.
 */
class FailedAuthenticationLimitIT extends GatewayTestBase {

  static final int BURST = FAILED_AUTHENTICATION_BURST;

  /** Tokens a gateway takes from Redis at once for a burst of 600 (RedisTokenBucket). */
  static final int LEASE = 20;

  static final String BLOCKED = "127.0.0.2";
  static final String NEIGHBOUR = "127.0.0.3";

  @LocalServerPort int port;
  @Autowired ReactiveStringRedisTemplate redis;

  @BeforeEach
  void forgetEarlierRuns() {
    for (String address : List.of(BLOCKED, NEIGHBOUR)) {
      redis.delete("snack:rate-limit:failed-authentication:" + address).block();
    }
  }

  @Test
  void refusedTokensFromOneAddressAre429AfterTheLimitWhileValidTokensFromItStillPass() {
    WebTestClient blocked = from(BLOCKED);
    String unknownKey =
        TestTokens.sign(
            TestTokens.claims(TestTokens.newMemberId(), 0).build(),
            TestTokens.KEY,
            "unknown-" + UUID.randomUUID());
    expectProblem(
        get(blocked, "/snacks/", unknownKey), HttpStatus.UNAUTHORIZED, SecurityIT.INVALID_TOKEN);

    List<Integer> statuses = new ArrayList<>();
    EntityExchangeResult<byte[]> refused = null;
    for (int attempt = 0; attempt < 2 * BURST && refused == null; attempt++) {
      // no token on a protected path, and tokens that do not even parse: refused without cost
      String token = attempt % 2 == 0 ? null : "garbage-" + attempt;
      EntityExchangeResult<byte[]> result =
          get(blocked, "/orders/", token).expectBody().returnResult();
      statuses.add(result.getStatus().value());
      if (result.getStatus() == HttpStatus.TOO_MANY_REQUESTS) {
        refused = result;
      }
    }
    assertThat(statuses).as("answers until refused").contains(429);
    List<Integer> counted = statuses.subList(0, statuses.size() - 1);
    assertThat(counted).containsOnly(401);
    // the first refusal (the unknown key) counted too; beyond the burst at most one came back
    // meanwhile, and a lease the gateway could not spend within its second is lost
    assertThat(1 + counted.size()).isBetween(BURST - LEASE, BURST + 1);
    assertThat(refused.getResponseHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    // the next refused request is allowed when one has come back: within a minute
    assertThat(Integer.parseInt(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
        .isBetween(1, 60);
    assertThat(new String(refused.getResponseBody(), StandardCharsets.UTF_8))
        .contains("Request was throttled.");

    // a token refused before is refused again without being checked: no fetch of the keys for it
    int keyRequests = StubServices.keyRequests();
    get(blocked, "/snacks/", unknownKey)
        .expectStatus()
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER);
    assertThat(StubServices.keyRequests()).isEqualTo(keyRequests);
    // a refused token it has not seen yet is checked, and is a 429 too
    get(blocked, "/snacks/", TestTokens.expired())
        .expectStatus()
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

    // the same office: valid tokens and public paths still pass
    get(blocked, "/snacks/", TestTokens.member()).expectStatus().isOk();
    blocked
        .post()
        .uri("/auth/token/")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\":\"a@example.com\",\"password\":\"right\"}")
        .exchange()
        .expectStatus()
        .isOk();

    // another address is unaffected
    expectProblem(
        get(from(NEIGHBOUR), "/snacks/", "garbage"),
        HttpStatus.UNAUTHORIZED,
        SecurityIT.INVALID_TOKEN);
  }

  /** A client whose connections come from {@code address} (a loopback address of this host). */
  private WebTestClient from(String address) {
    HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
    return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
        .baseUrl("http://127.0.0.1:" + port)
        .build();
  }
}
