package com.snackmanager.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Which requests the gateway serves on its direct routes (below WebFlux, {@code
 * routing.DirectProxy}) and which it hands to the full path, told apart by the {@code uri} tag of
 * their {@code http.server.requests} timer: a route's path pattern on the direct path, {@code
 * UNKNOWN} through Spring Cloud Gateway. What each path answers is what the other test classes
 * check; they run through both.
 */
class DirectRoutesIT extends GatewayTestBase {

  private static final String FULL_PATH = "UNKNOWN";

  @Autowired MeterRegistry meters;
  @Autowired ReactiveResilience4JCircuitBreakerFactory breakers;

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource({
    "GET, /snacks/abc123/reaction/, reaction-service, /snacks/*/reaction",
    "POST, /snacks/abc123/reaction, reaction-service, /snacks/*/reaction",
    "DELETE, /snacks/abc123/reaction, reaction-service, /snacks/*/reaction",
    "GET, /snacks/?page=2, snack-service, /snacks",
    "PATCH, /snacks/abc123, snack-service, /snacks/**",
    "GET, /orders/o-1/history/, order-service, /orders/**",
    "PUT, /orders/o-1/status, order-service, /orders/**",
    "GET, /checks/is_authenticated/, auth-service, /checks/**",
    "GET, /auth/users/profile, auth-service, /auth/**",
  })
  void aMembersRequestToAServiceTakesTheDirectRoute(
      String method, String path, String service, String uriTag) {
    double direct = served(uriTag);
    double full = served(FULL_PATH);

    client
        .method(HttpMethod.valueOf(method))
        .uri(path)
        .headers(h -> h.setBearerAuth(TestTokens.member()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo(service)
        .jsonPath("$.method")
        .isEqualTo(method);

    // the timer stops once the answer is sent, maybe after the client has read it
    await().untilAsserted(() -> assertThat(served(uriTag)).isEqualTo(direct + 1));
    assertThat(served(FULL_PATH)).isEqualTo(full);
  }

  @Test
  void whatTheDirectRouteDoesNotAnswerGoesTheFullWay() {
    double direct = servedDirectly();
    double full = served(FULL_PATH);

    // no token, a token that does not verify, a path open to everyone: the full path's rules
    get("/snacks/", null).expectStatus().isUnauthorized();
    get("/snacks/", "not-a-token").expectStatus().isUnauthorized();
    get("/snacks/abc123/image", TestTokens.member()).expectStatus().isOk();
    // an encoded path and a preflight: the full path's normalization and CORS
    get("/snacks/abc%20123", TestTokens.member()).expectStatus().isOk();
    client
        .method(HttpMethod.OPTIONS)
        .uri("/orders/")
        .header(HttpHeaders.ORIGIN, CorsIT.FRONTEND)
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .exchange()
        .expectStatus()
        .isOk();
    // an origin the gateway does not know
    client
        .get()
        .uri("/snacks/")
        .header(HttpHeaders.ORIGIN, "http://evil.example")
        .headers(h -> h.setBearerAuth(TestTokens.member()))
        .exchange()
        .expectStatus()
        .isForbidden();

    await().untilAsserted(() -> assertThat(served(FULL_PATH)).isEqualTo(full + 6));
    assertThat(servedDirectly()).isEqualTo(direct);
  }

  @Test
  void aServiceThatFailsADirectCallCountsAgainstTheRoutesCircuitBreaker() {
    CircuitBreaker breaker =
        breakers.getCircuitBreakerRegistry().circuitBreaker(StubServices.NOT_RUNNING);
    long before = calls(breaker);

    // the 503 itself: RoutingIT
    get("/statistics/orders/", TestTokens.member())
        .expectStatus()
        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

    // the breaker Spring Cloud Gateway's route uses: failed, or refused once open
    assertThat(calls(breaker)).isEqualTo(before + 1);
  }

  private static long calls(CircuitBreaker breaker) {
    return breaker.getMetrics().getNumberOfFailedCalls()
        + breaker.getMetrics().getNumberOfNotPermittedCalls();
  }

  private double servedDirectly() {
    return meters.find("http.server.requests").timers().stream()
        // the services' paths: not the management port's /actuator/...
        .filter(
            timer ->
                timer.getId().getTag("uri").matches("/(auth|checks|snacks|orders|statistics).*"))
        .mapToDouble(Timer::count)
        .sum();
  }

  private double served(String uriTag) {
    return meters.find("http.server.requests").tag("uri", uriTag).timers().stream()
        .mapToDouble(Timer::count)
        .sum();
  }
}
