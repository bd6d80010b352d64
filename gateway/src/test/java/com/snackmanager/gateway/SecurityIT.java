package com.snackmanager.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import com.snackmanager.defaults.security.BearerAuthentication;
import com.snackmanager.defaults.security.TokenVersions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.WebFilterChainProxy;

class SecurityIT extends GatewayTestBase {

  static final String NOT_AUTHENTICATED = "Authentication credentials were not provided.";
  static final String INVALID_TOKEN = "Given token not valid for any token type";

  @Autowired ReactiveStringRedisTemplate redis;
  @Autowired HealthEndpointGroups healthGroups;
  @Autowired ApplicationContext context;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "POST, /auth/sign-up/",
    "POST, /auth/sign-up",
    "POST, /auth/token/",
    "POST, /auth/token/refresh/",
    "GET, /auth/jwks/",
    "GET, /snacks/abc123/image",
  })
  void publicPathsNeedNoToken(String method, String path) {
    client
        .method(HttpMethod.valueOf(method))
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isOk();
  }

  @ParameterizedTest(name = "HEAD {0}")
  @CsvSource({"/snacks/abc123/image", "/auth/jwks/"})
  void headIsPublicWhereGetIs(String path) {
    client.head().uri(path).exchange().expectStatus().isOk();
  }

  @Test
  void authenticationIsTheGatewaysOwnFilterNotSpringSecuritysChain() {
    assertThat(context.getBeansOfType(WebFilterChainProxy.class)).isEmpty();
    assertThat(context.getBeansOfType(BearerAuthentication.class)).hasSize(1);
  }

  @Test
  void anAuthorizationHeaderThatIsNotABearerTokenIs401() {
    for (String header : new String[] {"Basic dXNlcjpwYXNz", "Bearer", "Bearer   "}) {
      expectProblem(
          client.get().uri("/snacks/").header(HttpHeaders.AUTHORIZATION, header).exchange(),
          HttpStatus.UNAUTHORIZED,
          INVALID_TOKEN);
    }
  }

  @Test
  void imagesStayCacheableThroughTheGateway() {
    get("/snacks/abc123/image", null)
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType("image/png")
        .expectHeader()
        .valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=86400")
        .expectHeader()
        .valueEquals(HttpHeaders.ETAG, "\"v1\"")
        .expectHeader()
        .doesNotExist(HttpHeaders.PRAGMA);
  }

  @Test
  void aStaleTokenSentAlongDoesNotCloseAPublicPath() {
    String stale = TestTokens.expired();
    client
        .post()
        .uri("/auth/token/refresh/")
        .headers(h -> h.setBearerAuth(stale))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"refresh\":\"r\"}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("auth-service")
        // forwarded unchanged: the auth-service decides for itself
        .jsonPath("$.authorization")
        .isEqualTo("Bearer " + stale);
  }

  @Test
  void publicMeansOnlyTheNamedMethods() {
    expectProblem(get("/auth/sign-up/", null), HttpStatus.UNAUTHORIZED, NOT_AUTHENTICATED);
    expectProblem(
        client.delete().uri("/snacks/abc123/image").exchange(),
        HttpStatus.UNAUTHORIZED,
        NOT_AUTHENTICATED);
  }

  @Test
  void healthIsOpenOnTheManagementPortAndReadinessDoesNotDependOnRedis() {
    management()
        .get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
    management().get().uri("/actuator/health/liveness/").exchange().expectStatus().isOk();
    // rate limiting fails open and token versions are cached: Redis down is no reason to stop
    // routing
    assertThat(healthGroups.get("readiness").isMember("redis")).isFalse();
    assertThat(healthGroups.get("readiness").isMember("readinessState")).isTrue();
  }

  @Test
  void protectedPathsWithoutATokenAre401() {
    for (String path : new String[] {"/snacks/", "/orders", "/auth/users/profile/", "/nothing"}) {
      expectProblem(get(path, null), HttpStatus.UNAUTHORIZED, NOT_AUTHENTICATED);
    }
  }

  @Test
  void invalidTokensAre401() {
    long member = TestTokens.newMemberId();
    JWTClaimsSet valid = TestTokens.claims(member, 0).build();
    String[] tokens = {
      "garbage",
      "a.b.c",
      TestTokens.expired(),
      TestTokens.sign(valid, TestTokens.OTHER_KEY),
      TestTokens.unsigned(valid),
      TestTokens.sign(TestTokens.claims(member, 0).claim("token_type", "refresh").build()),
      TestTokens.sign(TestTokens.claims(member, 0).issuer("someone-else").build()),
      TestTokens.sign(TestTokens.claims(member, 0).audience((String) null).build()),
      TestTokens.sign(TestTokens.claims(member, 0).audience("someone-else").build()),
      TestTokens.sign(TestTokens.claims(member, 0).expirationTime(null).build()),
      TestTokens.sign(TestTokens.claims(member, 0).jwtID(null).build()),
    };
    for (String token : tokens) {
      expectProblem(get("/snacks/", token), HttpStatus.UNAUTHORIZED, INVALID_TOKEN);
    }
  }

  @Test
  void keysThatCannotBeFetchedAreA503NotA500() {
    // a key id the gateway has not cached makes it fetch the JWKS again
    String rotated =
        TestTokens.sign(
            TestTokens.claims(TestTokens.newMemberId(), 0).build(), TestTokens.KEY, "rotated");
    StubServices.keysAvailable(false);
    try {
      expectProblem(
          get("/snacks/", rotated),
          HttpStatus.SERVICE_UNAVAILABLE,
          "Authentication is temporarily unavailable; try again shortly.");
    } finally {
      StubServices.keysAvailable(true);
    }
    get("/snacks/", TestTokens.member()).expectStatus().isOk();
  }

  @Test
  void theUnavailableFallbackCannotBeCalledFromOutside() {
    get("/unavailable/snack-service", TestTokens.member())
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void raisingAMembersTokenVersionInRedisRefusesTheirOldTokenWithinASecond() {
    long member = TestTokens.newMemberId();
    String old = TestTokens.sign(TestTokens.claims(member, 0).build());
    get("/snacks/", old).expectStatus().isOk();

    // what the auth-service does when the member resigns or loses a role
    redis.opsForHash().put(TokenVersions.KEY, Long.toString(member), "1").block();

    await()
        .atMost(Duration.ofSeconds(1))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> expectProblem(get("/snacks/", old), HttpStatus.UNAUTHORIZED, INVALID_TOKEN));
    get("/snacks/", TestTokens.sign(TestTokens.claims(member, 1).build())).expectStatus().isOk();
  }
}
