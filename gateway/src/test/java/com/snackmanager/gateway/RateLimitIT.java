package com.snackmanager.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

class RateLimitIT extends GatewayTestBase {

  /**
   * The default sign-in ceiling per client IP: 300 at once, then 10 a second (600 a minute). Only
   * volume: guessing is throttled by the auth-service, by failures.
   */
  static final int TOKEN_BURST = 300;

  static final int TOKEN_PER_SECOND = 10;

  /** Tokens a gateway takes from Redis at once for a burst of 300 (RedisTokenBucket). */
  static final int TOKEN_LEASE = 20;

  @Autowired ReactiveStringRedisTemplate redis;

  @AfterEach
  void forgetSignInAttempts() {
    // the other tests sign in from the same address
    redis.keys("snack:rate-limit:token:*").flatMap(redis::delete).blockLast();
  }

  @Test
  void anOfficeBehindOneAddressSignsInUpToTheCeilingAndSpoofedAddressesDoNotHelp() {
    List<Integer> statuses = new ArrayList<>();
    EntityExchangeResult<byte[]> refused = null;
    long started = System.nanoTime();
    for (int attempt = 0; attempt <= 2 * TOKEN_BURST && refused == null; attempt++) {
      EntityExchangeResult<byte[]> result =
          signIn("198.51.100." + attempt % 256).expectBody().returnResult();
      statuses.add(result.getStatus().value());
      if (result.getStatus() == HttpStatus.TOO_MANY_REQUESTS) {
        refused = result;
      }
    }
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
    assertThat(statuses).as("answers until refused").contains(429);
    List<Integer> passed = statuses.subList(0, statuses.size() - 1);
    assertThat(passed).containsOnly(200);
    // a whole office's burst passes; beyond it only what refilled meanwhile, and at most one lease
    // of tokens this gateway took from Redis within the last second (another test's sign-ins)
    assertThat(passed.size())
        .isBetween(TOKEN_BURST, TOKEN_BURST + (int) seconds * TOKEN_PER_SECOND + TOKEN_LEASE);

    assertThat(refused.getResponseHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    // one sign-in comes back every 100 ms
    assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(new String(refused.getResponseBody(), StandardCharsets.UTF_8))
        .contains("Request was throttled.");

    // a member's own requests are counted apart from sign-in
    get("/snacks/", TestTokens.member()).expectStatus().isOk();
  }

  @Test
  void eachMemberHasTheirOwnLimit() {
    String busy = TestTokens.member();
    for (int i = 0; i < MEMBER_BURST; i++) {
      get("/snacks/", busy).expectStatus().isOk();
    }
    get("/orders/", busy)
        .expectStatus()
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    get("/snacks/", TestTokens.member()).expectStatus().isOk();
  }

  @Test
  void healthProbesAreNeverLimited() {
    String busy = TestTokens.member();
    for (int i = 0; i < MEMBER_BURST; i++) {
      get("/snacks/", busy).expectStatus().isOk();
    }
    management()
        .get()
        .uri("/actuator/health/readiness")
        .headers(headers -> headers.setBearerAuth(busy))
        .exchange()
        .expectStatus()
        .isOk();
  }

  private WebTestClient.ResponseSpec signIn(String spoofedAddress) {
    return client
        .post()
        .uri("/auth/token/")
        .header("X-Forwarded-For", spoofedAddress)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\":\"a@example.com\",\"password\":\"wrong\"}")
        .exchange();
  }
}
