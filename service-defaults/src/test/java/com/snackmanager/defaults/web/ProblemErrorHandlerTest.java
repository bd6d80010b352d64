package com.snackmanager.defaults.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.netty.channel.AbortedException;
import tools.jackson.databind.json.JsonMapper;

class ProblemErrorHandlerTest {

  private final ProblemErrorHandler handler =
      new ProblemErrorHandler(new Problems(JsonMapper.builder().build()));

  private static MockServerWebExchange reaction() {
    return MockServerWebExchange.from(MockServerHttpRequest.post("/snacks/sn_1/reaction"));
  }

  @Test
  void aCallerThatClosedTheConnectionGetsNoAnswerAndIsNoError() {
    MockServerWebExchange exchange = reaction();

    handler.handle(exchange, new AbortedException("Connection has been closed")).block();

    // nothing written: no status, no problem document, the response never committed
    assertThat(exchange.getResponse().getStatusCode()).isNull();
    assertThat(exchange.getResponse().isCommitted()).isFalse();
  }

  @Test
  void anUnexpectedFailureIsA500Problem() {
    MockServerWebExchange exchange = reaction();

    handler.handle(exchange, new IllegalStateException("boom")).block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains("Internal server error.")
        .doesNotContain("boom");
  }
}
