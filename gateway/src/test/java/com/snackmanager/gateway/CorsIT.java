package com.snackmanager.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

class CorsIT extends GatewayTestBase {

  static final String FRONTEND = "http://localhost:5173";

  @Test
  void theFrontendsPreflightIsAnsweredWithoutAToken() {
    preflight(FRONTEND, "POST", "authorization,content-type,idempotency-key")
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONTEND)
        .expectHeader()
        .value(
            HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
            headers ->
                assertThat(headers.toLowerCase())
                    .contains("authorization", "content-type", "idempotency-key"))
        .expectHeader()
        .value(
            HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
            methods -> assertThat(methods).contains("POST"));
  }

  @Test
  void anotherOriginIsRefused() {
    preflight("http://evil.example", "GET", "authorization")
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    client
        .get()
        .uri("/snacks/")
        .header(HttpHeaders.ORIGIN, "http://evil.example")
        .headers(h -> h.setBearerAuth(TestTokens.member()))
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void responsesCarryTheGatewaysCorsHeadersOnly() {
    client
        .get()
        .uri("/snacks/")
        .header(HttpHeaders.ORIGIN, FRONTEND)
        .headers(h -> h.setBearerAuth(TestTokens.member()))
        .exchange()
        .expectStatus()
        .isOk()
        // the stub service says "*": the browser must see the gateway's answer, once
        .expectHeader()
        .valuesMatch(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONTEND)
        .expectHeader()
        .value(
            HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
            exposed -> assertThat(exposed).contains("X-Total-Count", "Link"))
        .expectHeader()
        .valueEquals("X-Total-Count", "1");
  }

  @Test
  void errorsReachTheFrontendToo() {
    client
        .get()
        .uri("/snacks/")
        .header(HttpHeaders.ORIGIN, FRONTEND)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONTEND);
  }

  private WebTestClient.ResponseSpec preflight(String origin, String method, String headers) {
    return client
        .method(HttpMethod.OPTIONS)
        .uri("/orders/")
        .header(HttpHeaders.ORIGIN, origin)
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, headers)
        .exchange();
  }
}
