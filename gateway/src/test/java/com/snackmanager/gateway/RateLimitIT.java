package com.snackmanager.gateway;

import static org.assertj.core.api.Assertions.assertThat;

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

  /** The default sign-in limit: 10 a minute, 10 at once. */
  static final int TOKEN_BURST = 10;

  @Autowired ReactiveStringRedisTemplate redis;

  @AfterEach
  void forgetSignInAttempts() {
    // the other tests sign in from the same address
    redis.keys("snack:rate-limit:token:*").flatMap(redis::delete).blockLast();
  }

  @Test
  void signInAttemptsArePerClientIpAndSpoofedAddressesDoNotHelp() {
    List<Integer> statuses = new ArrayList<>();
    EntityExchangeResult<byte[]> refused = null;
    for (int attempt = 0; attempt <= TOKEN_BURST + 5 && refused == null; attempt++) {
      EntityExchangeResult<byte[]> result =
          signIn("198.51.100." + attempt).expectBody().returnResult();
      statuses.add(result.getStatus().value());
      if (result.getStatus() == HttpStatus.TOO_MANY_REQUESTS) {
        refused = result;
      }
    }
    assertThat(statuses).as("answers until refused").contains(429);
    assertThat(statuses.subList(0, statuses.size() - 1)).containsOnly(200);
    assertThat(statuses.size()).isLessThanOrEqualTo(TOKEN_BURST + 1);

    assertThat(refused.getResponseHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    long retryAfter =
        Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    // one attempt comes back every 6 s
    assertThat(retryAfter).isBetween(1L, 6L);
    signIn("198.51.100.200")
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).startsWith("Request was throttled."));

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
    get("/actuator/health/readiness", busy).expectStatus().isOk();
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
