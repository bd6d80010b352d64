package com.snackmanager.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

class RoutingIT extends GatewayTestBase {

  @LocalServerPort int port;

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "/auth/users/profile, auth-service, /auth/users/profile",
    "/auth/users/profile/, auth-service, /auth/users/profile",
    "/checks/is_authenticated, auth-service, /checks/is_authenticated",
    "/checks/is_authenticated/, auth-service, /checks/is_authenticated",
    "/snacks, snack-service, /snacks",
    "/snacks/, snack-service, /snacks",
    "/snacks/abc123, snack-service, /snacks/abc123",
    "/snacks/abc123/, snack-service, /snacks/abc123",
    "/snacks/abc123/reaction, reaction-service, /snacks/abc123/reaction",
    "/snacks/abc123/reaction/, reaction-service, /snacks/abc123/reaction",
    "/orders, order-service, /orders",
    "/orders/, order-service, /orders",
    "/orders/o-1/history/, order-service, /orders/o-1/history",
  })
  void eachPrefixReachesItsServiceWithOrWithoutTrailingSlash(
      String path, String service, String forwardedPath) {
    String token = TestTokens.member();
    get(path + "?page=2", token)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo(service)
        .jsonPath("$.path")
        .isEqualTo(forwardedPath)
        .jsonPath("$.query")
        .isEqualTo("page=2")
        .jsonPath("$.authorization")
        .isEqualTo("Bearer " + token);
  }

  @Test
  void bodiesAndMethodsAreForwarded() {
    client
        .post()
        .uri("/orders/")
        .headers(h -> h.setBearerAuth(TestTokens.member()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"snacks\":[{\"uid\":\"abc\",\"quantity\":2}]}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.method")
        .isEqualTo("POST")
        .jsonPath("$.body")
        .isEqualTo("{\"snacks\":[{\"uid\":\"abc\",\"quantity\":2}]}");
  }

  @Test
  void clientForwardingHeadersAreNotPassedOn() {
    client
        .get()
        .uri("/snacks/")
        .headers(
            h -> {
              h.setBearerAuth(TestTokens.member());
              h.set("X-Forwarded-For", "203.0.113.66");
              h.set("X-Forwarded-Host", "evil.example");
              h.set("Forwarded", "for=203.0.113.66;host=evil.example");
            })
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        // the gateway's own view of the client, never the client's claim
        .jsonPath("$.x_forwarded_for")
        .isEqualTo("127.0.0.1")
        .jsonPath("$.x_forwarded_host")
        .doesNotExist()
        .jsonPath("$.forwarded")
        .doesNotExist();
  }

  @Test
  void theCallersTraceIsPassedOnWithTheGatewaysSpanAsParent() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String callerSpan = "00f067aa0ba902b7";
    String passedOn =
        client
            .get()
            .uri("/snacks/")
            .headers(
                h -> {
                  h.setBearerAuth(TestTokens.member());
                  h.set("traceparent", "00-" + traceId + "-" + callerSpan + "-01");
                })
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Request-Id", traceId)
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody()
            .path("traceparent")
            .asString();

    // the same trace, sampled as the caller asked, under the gateway's own span
    assertThat(passedOn).matches("00-" + traceId + "-[0-9a-f]{16}-01");
    assertThat(passedOn).doesNotContain(callerSpan);
  }

  @Test
  void aRequestWithoutATraceStartsOneThatTheServiceContinues() {
    EntityExchangeResult<JsonNode> result =
        client
            .get()
            .uri("/snacks/")
            .headers(h -> h.setBearerAuth(TestTokens.member()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult();
    String requestId = result.getResponseHeaders().getFirst("X-Request-Id");

    assertThat(result.getResponseBody().path("traceparent").asString())
        .matches("00-" + requestId + "-[0-9a-f]{16}-0[01]");
  }

  @Test
  void aServiceThatIsNotRunningIsA503NamingIt() {
    expectProblem(
            get("/statistics/orders/?period=day", TestTokens.member()),
            HttpStatus.SERVICE_UNAVAILABLE,
            "statistics-service is unavailable; try again shortly.")
        .jsonPath("$.instance")
        .isEqualTo("/statistics/orders");
  }

  @Test
  void aServiceTooSlowToAnswerIsA503NamingIt() {
    assertThat(StubServices.SLOW).isGreaterThan(java.time.Duration.parse("PT" + RESPONSE_TIMEOUT));
    expectProblem(
        get("/orders/slow", TestTokens.member()),
        HttpStatus.SERVICE_UNAVAILABLE,
        "order-service is unavailable; try again shortly.");
  }

  @Test
  void manyConcurrentRequestsToOneServiceAreAllServed() {
    // far more in flight at once than Resilience4j's default bulkhead (25) would let through
    WebClient http = WebClient.create("http://127.0.0.1:" + port);
    List<Integer> statuses =
        Flux.range(0, 60)
            .flatMap(
                i ->
                    http.get()
                        .uri("/orders/busy")
                        .headers(h -> h.setBearerAuth(TestTokens.member()))
                        .exchangeToMono(
                            response ->
                                response.releaseBody().thenReturn(response.statusCode().value())),
                60)
            .collectList()
            .block(Duration.ofSeconds(30));
    assertThat(statuses).hasSize(60).containsOnly(200);
  }

  @Test
  void aServicesOwnErrorsPassThroughUnchanged() {
    expectProblem(
        get("/snacks/missing/", TestTokens.member()), HttpStatus.NOT_FOUND, "No such snack.");
    expectProblem(
        get("/orders/invalid", TestTokens.member()), HttpStatus.BAD_REQUEST, "Bad input.");
    expectProblem(
        get("/auth/users/broken", TestTokens.member()),
        HttpStatus.INTERNAL_SERVER_ERROR,
        "It broke.");
  }

  @Test
  void pathsNoServiceOwnsAre404() {
    get("/nothing-here/", TestTokens.member())
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void noRouteLeadsToAServicesDocsOrActuator() {
    get("/v3/api-docs", TestTokens.member()).expectStatus().isNotFound();
    get("/actuator/env", TestTokens.member()).expectStatus().isNotFound();
    get("/actuator/env", null).expectStatus().isUnauthorized();
  }

  /**
   * The gateway's web filters (token check, rate limits) run on the management port too (Spring
   * Boot hands the parent context's filters to the management server), so its open paths still name
   * probes and metrics: on the public port they lead nowhere.
   */
  @Test
  void theGatewaysActuatorIsOnlyOnTheManagementPort() {
    for (String path :
        new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/health/readiness"}) {
      get(path, null).expectStatus().isNotFound();
      get(path, TestTokens.member()).expectStatus().isNotFound();
    }
    // health and the metrics Prometheus scrapes, nothing else
    management()
        .get()
        .uri("/actuator/env")
        .headers(headers -> headers.setBearerAuth(TestTokens.member()))
        .exchange()
        .expectStatus()
        .isNotFound();
    management()
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            body ->
                org.assertj.core.api.Assertions.assertThat(body)
                    .contains("application=\"gateway\""));
  }
}
