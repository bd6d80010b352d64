package com.snackmanager.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import com.snackmanager.defaults.security.TokenVersions;
import com.snackmanager.testsupport.AccessTokens;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(
    classes = DefaultsTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ServiceDefaultsIT {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SnackTestInfrastructure.get().registerWithoutDatabase(registry);
    registry.add("spring.application.name", () -> "defaults-test");
  }

  @Autowired WebTestClient client;
  @Autowired TokenVersions tokenVersions;
  @Autowired ReactiveStringRedisTemplate redis;
  @Autowired LettuceConnectionFactory redisConnections;
  @Autowired HealthEndpointGroups healthGroups;
  @Autowired MeterRegistry meters;

  /** Actuator's own port (random in tests), where the probes and Prometheus go. */
  @LocalManagementPort int managementPort;

  @LocalServerPort int serverPort;

  private final long memberId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);

  private String memberToken() {
    return TestTokens.sign(TestTokens.claims(memberId, "MEMBER", 0).build());
  }

  private String adminToken() {
    return TestTokens.sign(TestTokens.claims(memberId, "ADMIN", 0).build());
  }

  private WebTestClient.ResponseSpec get(String path, String token) {
    var request = client.get().uri(path);
    if (token != null) {
      request = request.headers(h -> h.setBearerAuth(token));
    }
    return request.exchange();
  }

  private void expectProblem(
      WebTestClient.ResponseSpec response, HttpStatus status, String detail) {
    response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(status.value())
        .jsonPath("$.detail")
        .isEqualTo(detail);
  }

  @Test
  void noTokenIsA401WithTheFrontendsText() {
    expectProblem(
        get("/things", null),
        HttpStatus.UNAUTHORIZED,
        "Authentication credentials were not provided.");
  }

  @Test
  void invalidTokensAreRefused() {
    JWTClaimsSet valid = TestTokens.claims(memberId, "MEMBER", 0).build();
    String expired = TestTokens.sign(AccessTokens.expiredClaims(memberId, "MEMBER").build());
    String refreshType =
        TestTokens.sign(
            TestTokens.claims(memberId, "MEMBER", 0).claim("token_type", "refresh").build());
    String otherIssuer =
        TestTokens.sign(TestTokens.claims(memberId, "MEMBER", 0).issuer("evil").build());
    String noVersion =
        TestTokens.sign(TestTokens.claims(memberId, "MEMBER", 0).claim("ver", null).build());
    String noAudience =
        TestTokens.sign(TestTokens.claims(memberId, "MEMBER", 0).audience((String) null).build());
    String otherAudience =
        TestTokens.sign(TestTokens.claims(memberId, "MEMBER", 0).audience("elsewhere").build());
    String noExpiry =
        TestTokens.sign(TestTokens.claims(memberId, "MEMBER", 0).expirationTime(null).build());
    String noId = TestTokens.sign(TestTokens.claims(memberId, "MEMBER", 0).jwtID(null).build());
    for (String token :
        new String[] {
          "garbage",
          TestTokens.sign(valid, TestTokens.OTHER_KEY),
          TestTokens.unsigned(valid),
          expired,
          refreshType,
          otherIssuer,
          noVersion,
          noAudience,
          otherAudience,
          noExpiry,
          noId
        }) {
      expectProblem(
          get("/things", token),
          HttpStatus.UNAUTHORIZED,
          "Given token not valid for any token type");
    }
  }

  @Test
  void aMemberIsServedWithOrWithoutTrailingSlash() {
    get("/things", memberToken()).expectStatus().isOk().expectBody().jsonPath("$[0]").isEqualTo(1);
    get("/things/", memberToken()).expectStatus().isOk();
  }

  @Test
  void theRequestIsObservedButNotEachStepOfTheSecurityChain() {
    get("/admin-only/", memberToken()).expectStatus().isForbidden();
    get("/things/", memberToken()).expectStatus().isOk();

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(meters.find("http.server.requests").timers()).isNotEmpty());
    assertThat(meters.getMeters())
        .map(meter -> meter.getId().getName())
        .noneMatch(name -> name.startsWith("spring.security"));
  }

  @Test
  void aMemberIsNotAnAdmin() {
    expectProblem(
        get("/admin-only/", memberToken()),
        HttpStatus.FORBIDDEN,
        "You do not have permission to perform this action.");
    get("/admin-only", adminToken()).expectStatus().isOk();
  }

  @Test
  void anOpenEndpointIgnoresAStaleToken() {
    String expired = TestTokens.sign(AccessTokens.expiredClaims(memberId, "MEMBER").build());
    for (String token : new String[] {null, "garbage", expired, memberToken()}) {
      get("/pictures/7", token).expectStatus().isOk();
    }
    // another method on the same path is not open
    expectProblem(
        client.delete().uri("/pictures/7").exchange(),
        HttpStatus.UNAUTHORIZED,
        "Authentication credentials were not provided.");
  }

  @Test
  void anEndpointOpenCheckingTokenRefusesOnlyAnInvalidOne() {
    client.head().uri("/pictures/7").exchange().expectStatus().isOk();
    client
        .head()
        .uri("/pictures/7")
        .headers(h -> h.setBearerAuth(memberToken()))
        .exchange()
        .expectStatus()
        .isOk();
    client
        .head()
        .uri("/pictures/7")
        .headers(h -> h.setBearerAuth("garbage"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
    // the defaults' public paths are open the same way, ahead of the service's rules
    get("/v3/api-docs", null).expectStatus().isOk();
    expectProblem(
        get("/v3/api-docs", "garbage"),
        HttpStatus.UNAUTHORIZED,
        "Given token not valid for any token type");
  }

  @Test
  void anAuthenticatedEndpointGoesAheadOfTheAdminRules() {
    get("/admin-only/mine", memberToken()).expectStatus().isOk();
    expectProblem(
        get("/admin-only/mine", null),
        HttpStatus.UNAUTHORIZED,
        "Authentication credentials were not provided.");
    expectProblem(
        get("/admin-only/others", memberToken()),
        HttpStatus.FORBIDDEN,
        "You do not have permission to perform this action.");
  }

  @Test
  void anAdminRuleForOneMethodLeavesTheOthersToMembers() {
    expectProblem(
        client.delete().uri("/things/5").headers(h -> h.setBearerAuth(memberToken())).exchange(),
        HttpStatus.FORBIDDEN,
        "You do not have permission to perform this action.");
    client
        .delete()
        .uri("/things/5")
        .headers(h -> h.setBearerAuth(adminToken()))
        .exchange()
        .expectStatus()
        .isNoContent();
    // a member's GET passes the chain (and finds no handler for the method)
    get("/things/5", memberToken()).expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
  }

  @Test
  void raisingTheTokenVersionRevokesOlderTokensHereAndInOtherProcesses() {
    String old = memberToken();
    get("/things", old).expectStatus().isOk();

    // another process's registry, reading the same Redis
    TokenVersions elsewhere = new TokenVersions(redis, Duration.ofMillis(100));
    elsewhere.start();
    try {
      tokenVersions.raise(memberId, 1).block();
      expectProblem(
          get("/things", old), HttpStatus.UNAUTHORIZED, "Given token not valid for any token type");
      get("/things", TestTokens.sign(TestTokens.claims(memberId, "MEMBER", 1).build()))
          .expectStatus()
          .isOk();
      await().atMost(Duration.ofSeconds(1)).until(() -> !elsewhere.isCurrent("" + memberId, 0));
      assertThat(elsewhere.isCurrent("" + memberId, 1)).isTrue();
      // versions never go backwards
      tokenVersions.raise(memberId, 0).block();
      elsewhere.refresh().block();
      assertThat(elsewhere.isCurrent("" + memberId, 0)).isFalse();
    } finally {
      elsewhere.stop();
    }
  }

  @Test
  void aSignedOutTokenIsRefusedHereAndInOtherProcessesWithinASecond() {
    JWTClaimsSet claims = TestTokens.claims(memberId, "MEMBER", 0).build();
    String signedOut = TestTokens.sign(claims);
    String another = memberToken();
    get("/things", signedOut).expectStatus().isOk();

    // another process's registry, reading the same Redis
    TokenVersions elsewhere = new TokenVersions(redis, Duration.ofMillis(250));
    elsewhere.start();
    try {
      tokenVersions.revoke(claims.getJWTID(), claims.getExpirationTime().toInstant()).block();
      expectProblem(
          get("/things", signedOut),
          HttpStatus.UNAUTHORIZED,
          "Given token not valid for any token type");
      // only that token: the member's other sessions go on
      get("/things", another).expectStatus().isOk();
      await().atMost(Duration.ofSeconds(1)).until(() -> elsewhere.isRevoked(claims.getJWTID()));
      assertThat(elsewhere.isRevoked(TestTokens.claims(memberId, "MEMBER", 0).build().getJWTID()))
          .isFalse();
    } finally {
      elsewhere.stop();
    }
  }

  @Test
  void signedOutTokensAreKeptInRedisOnlyUntilTheyExpire() {
    String expired = "expired-" + memberId;
    String live = "live-" + memberId;
    tokenVersions.revoke(expired, java.time.Instant.now().minusSeconds(5)).block();
    tokenVersions.revoke(live, java.time.Instant.now().plusSeconds(60)).block();

    assertThat(redis.opsForZSet().score(TokenVersions.REVOKED_KEY, expired).block()).isNull();
    assertThat(redis.opsForZSet().score(TokenVersions.REVOKED_KEY, live).block()).isNotNull();
    TokenVersions elsewhere = new TokenVersions(redis, Duration.ofMinutes(1));
    elsewhere.refresh().block();
    assertThat(elsewhere.isRevoked(live)).isTrue();
    assertThat(elsewhere.isRevoked(expired)).isFalse();
    // a flushed Redis does not make it usable again in a process that knew
    redis.opsForZSet().remove(TokenVersions.REVOKED_KEY, live).block();
    elsewhere.refresh().block();
    assertThat(elsewhere.isRevoked(live)).isTrue();
  }

  @Test
  void aFlushedRedisDoesNotMakeARevokedTokenUsableAgain() {
    TokenVersions elsewhere = new TokenVersions(redis, Duration.ofMinutes(1));
    String member = "flushed-" + memberId;
    redis.<String, String>opsForHash().put(TokenVersions.KEY, member, "3").block();
    elsewhere.refresh().block();
    assertThat(elsewhere.isCurrent(member, 2)).isFalse();
    assertThat(elsewhere.isPublished(member, 3)).isTrue();

    redis.<String, String>opsForHash().remove(TokenVersions.KEY, member).block();
    elsewhere.refresh().block();

    assertThat(elsewhere.isCurrent(member, 2)).isFalse();
    assertThat(elsewhere.isCurrent(member, 3)).isTrue();
    // what Redis lost is known, so the auth-service can write it back
    assertThat(elsewhere.isPublished(member, 3)).isFalse();
  }

  @Test
  void validationErrorsNameTheFieldInSnakeCase() {
    client
        .post()
        .uri("/things/")
        .headers(h -> h.setBearerAuth(memberToken()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"quantity\": 0}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.display_name[0]")
        .exists()
        .jsonPath("$.errors.quantity[0]")
        .exists()
        .jsonPath("$.detail")
        .exists();
  }

  @Test
  void wrongTypesMalformedJsonAndMissingBodiesAre400() {
    post("{\"display_name\": \"x\", \"quantity\": \"lots\"}", MediaType.APPLICATION_JSON)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.quantity[0]")
        .exists();
    post("{\"display_name\": 12345678, \"quantity\": 1}", MediaType.APPLICATION_JSON)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.display_name[0]")
        .exists();
    post("{\"display_name\": ", MediaType.APPLICATION_JSON)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Malformed JSON request body.");
    post("", MediaType.APPLICATION_JSON).expectStatus().isBadRequest();
  }

  @Test
  void anUnknownFieldIsA400NamingIt() {
    post("{\"display_name\": \"x\", \"quantity\": 1, \"quantiy\": 2}", MediaType.APPLICATION_JSON)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Unknown field \"quantiy\".")
        .jsonPath("$.errors.quantiy[0]")
        .exists();
  }

  @Test
  void hugePayloadsAre413AndWrongMediaTypes415() {
    String huge = "{\"display_name\": \"" + "x".repeat(400_000) + "\", \"quantity\": 1}";
    post(huge, MediaType.APPLICATION_JSON)
        .expectStatus()
        .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    post("display_name=x", MediaType.TEXT_PLAIN)
        .expectStatus()
        .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .expectBody()
        .jsonPath("$.detail")
        .exists();
  }

  @Test
  void serverFaultsHideTheirCause() {
    get("/boom", memberToken())
        .expectStatus()
        .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Internal server error.");
  }

  @Test
  void unknownPathsAre404Problems() {
    get("/nothing-here", memberToken())
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void everyResponseAndProblemCarriesTheRequestId() {
    String header =
        get("/nothing-here", memberToken())
            .expectStatus()
            .isNotFound()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Request-Id");
    assertThat(header).isNotBlank();
    get("/nothing-here", memberToken())
        .expectBody()
        .jsonPath("$.request_id")
        .value(id -> assertThat(id).isInstanceOf(String.class).isNotEqualTo(header));
    get("/things", memberToken()).expectHeader().exists("X-Request-Id");
  }

  @Test
  void aTracedRequestsIdIsItsTraceIdInTheHeaderAndTheProblem() {
    String traceId =
        String.format("%032x", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    client
        .get()
        .uri("/nothing-here")
        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
        .headers(h -> h.setBearerAuth(memberToken()))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .valueEquals("X-Request-Id", traceId)
        .expectBody()
        .jsonPath("$.request_id")
        .isEqualTo(traceId);
    // refused by the security filter, before any controller: the same id
    client
        .get()
        .uri("/things")
        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals("X-Request-Id", traceId)
        .expectBody()
        .jsonPath("$.request_id")
        .isEqualTo(traceId);
  }

  @Test
  void listsArePaginatedWithCountAndLinks() {
    get("/things?page=2&page_size=100", memberToken())
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Total-Count", "250")
        .expectHeader()
        .valueEquals(
            "Link",
            "</things?page=3&page_size=100>; rel=\"next\", </things?page=1&page_size=100>; rel=\"prev\"")
        .expectBody()
        .jsonPath("$[0]")
        .isEqualTo(101)
        .jsonPath("$.length()")
        .isEqualTo(100);
    get("/things?ordering=-id&page_size=5", memberToken())
        .expectBody()
        .jsonPath("$[0]")
        .isEqualTo(250);
    // what the client sent is encoded again: it cannot close the link or add a parameter
    get("/things?ordering=id&note=a>; rel=\"x\",&page_size=100", memberToken())
        .expectHeader()
        .valueEquals(
            "Link",
            "</things?ordering=id&note=a%3E%3B+rel%3D%22x%22%2C&page=2&page_size=100>; rel=\"next\"");
  }

  @Test
  void badPagingAndOrderingAre400() {
    for (String query :
        new String[] {
          "page=0",
          "page=abc",
          "page_size=1001",
          "page_size=0",
          "ordering=name",
          "page=10002&page_size=100",
          "page=2147483647"
        }) {
      get("/things?" + query, memberToken())
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.errors")
          .exists();
    }
  }

  @Test
  void theDeepestPageSkipsAtMostAMillionRows() {
    get("/things?page=10001&page_size=100", memberToken()).expectStatus().isOk();
    get("/things?page=10002&page_size=100", memberToken())
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.page[0]")
        .value(
            message ->
                assertThat((String) message)
                    .startsWith("page: Must be at most 10001 with page_size 100"));
  }

  @Test
  void healthIsOpenOnTheManagementPortAndTheApiPortHasNoActuator() {
    management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    management()
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    for (String path :
        new String[] {"/actuator/health/liveness", "/actuator/health", "/actuator/prometheus"}) {
      get(path, null).expectStatus().isNotFound();
    }
    assertThat(managementPort).isPositive().isNotEqualTo(serverPort);
  }

  @Test
  void readinessWaitsForTheDatabaseButNotForRedis() {
    assertThat(healthGroups.get("readiness").isMember("r2dbc")).isTrue();
    assertThat(healthGroups.get("readiness").isMember("redis")).isFalse();
    management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
  }

  private WebTestClient management() {
    // a client of its own: the auto-configured one's URI factory pins it to the API port
    return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
  }

  @Test
  void aDatabaseThatCannotBeReachedIsA503NamingIt() {
    for (String path : new String[] {"/outage/database", "/outage/database-transaction"}) {
      expectProblem(
          get(path, memberToken()),
          HttpStatus.SERVICE_UNAVAILABLE,
          "The database is temporarily unavailable; try again shortly.");
    }
  }

  @Test
  void aRedisThatCannotBeReachedIsA503NamingIt() {
    expectProblem(
        get("/outage/redis", memberToken()),
        HttpStatus.SERVICE_UNAVAILABLE,
        "Redis is temporarily unavailable; try again shortly.");
  }

  @Test
  void redisCommandsAndConnectionsTimeOutAfterTwoSeconds() {
    var client = redisConnections.getClientConfiguration();
    assertThat(client.getCommandTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(client.getClientOptions().orElseThrow().getSocketOptions().getConnectTimeout())
        .isEqualTo(Duration.ofSeconds(2));
  }

  private WebTestClient.ResponseSpec post(String body, MediaType type) {
    return client
        .post()
        .uri("/things")
        .headers(h -> h.setBearerAuth(memberToken()))
        .contentType(type)
        .bodyValue(body)
        .exchange();
  }
}
