package com.snackmanager.gateway;

import com.snackmanager.testsupport.SnackTestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway as it runs, on a random port, in front of {@link StubServices}, with real Redis and
 * Kafka. Every test class extends this one, so they all share a single application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class GatewayTestBase {

  /** Shorter than {@link StubServices#SLOW}, so the slow stub times out. */
  static final String RESPONSE_TIMEOUT = "2s";

  /** A member's bucket in these tests: small enough to exhaust, never refilled meanwhile. */
  static final int MEMBER_BURST = 20;

  /**
   * Requests refused for their token per address, as by default (600), refilled one a minute; every
   * other test's refusals, all from 127.0.0.1, stay far below it.
   */
  static final int FAILED_AUTHENTICATION_BURST = 600;

  @DynamicPropertySource
  static void gatewayUnderTest(DynamicPropertyRegistry registry) {
    SnackTestInfrastructure.get().registerWithoutDatabase(registry);
    StubServices stubs = StubServices.get();
    stubs.urls().forEach((name, url) -> registry.add("snack.services." + name, url::toString));
    registry.add("snack.security.jwks-uri", () -> stubs.url("auth-service").resolve("/auth/jwks/"));
    registry.add(
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> RESPONSE_TIMEOUT);
    registry.add("snack.rate-limit.member.limit", () -> MEMBER_BURST);
    registry.add("snack.rate-limit.member.period", () -> "1m");
    registry.add("snack.rate-limit.member.burst", () -> MEMBER_BURST);
    // every anonymous test request comes from 127.0.0.1: keep their shared bucket out of the way
    registry.add("snack.rate-limit.anonymous.limit", () -> 10_000);
    registry.add("snack.rate-limit.anonymous.burst", () -> 10_000);
    // the default burst of refused requests per address, but refilled so slowly that an address
    // that used it up stays limited for the rest of a test (FailedAuthenticationLimitIT)
    registry.add("snack.rate-limit.failed-authentication.limit", () -> FAILED_AUTHENTICATION_BURST);
    registry.add("snack.rate-limit.failed-authentication.period", () -> "10h");
    registry.add("snack.rate-limit.failed-authentication.burst", () -> FAILED_AUTHENTICATION_BURST);
    // tests make the gateway meet unknown kids whenever they need to: a fetch for each, no cooldown
    // (JwksClientTest in service-defaults shows the cooldown)
    registry.add("snack.security.jwks-refresh-cooldown", () -> "0s");
  }

  @Autowired WebTestClient client;

  /** Actuator's own port (probes, metrics): a random one here, never the API's. */
  @LocalManagementPort int managementPort;

  /** A client for the management port, where the kubelet and Prometheus go. */
  WebTestClient management() {
    // a client of its own: the auto-configured one's URI factory pins it to the API port
    return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
  }

  WebTestClient.ResponseSpec get(String path, String token) {
    return get(client, path, token);
  }

  /** A {@code GET} of {@code path} through {@code client}, with {@code token} if not null. */
  static WebTestClient.ResponseSpec get(WebTestClient client, String path, String token) {
    return client
        .get()
        .uri(path)
        .headers(
            headers -> {
              if (token != null) {
                headers.setBearerAuth(token);
              }
            })
        .exchange();
  }

  static WebTestClient.BodyContentSpec expectProblem(
      WebTestClient.ResponseSpec response, HttpStatus status, String detail) {
    return response
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
}
