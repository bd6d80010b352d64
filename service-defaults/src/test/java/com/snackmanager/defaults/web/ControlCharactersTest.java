package com.snackmanager.defaults.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

class ControlCharactersTest {

  @Test
  void c0ControlsAndDelAreRefusedTabsAndLineBreaksAreNot() {
    for (char c = 0; c < 0x20; c++) {
      boolean allowed = c == '\t' || c == '\n' || c == '\r';
      assertThat(ControlCharacters.anyIn("a" + c + "b")).as("U+%04X", (int) c).isEqualTo(!allowed);
    }
    assertThat(ControlCharacters.anyIn("a\u007Fb")).isTrue();
    assertThat(ControlCharacters.anyIn("농심 감자깡 75g, café €")).isFalse();
  }

  @Test
  void checkIsA400NamingTheField() {
    assertThat(ControlCharacters.check("name", "Gamjakkang")).isEqualTo("Gamjakkang");
    assertThat(ControlCharacters.check("name", null)).isNull();
    assertThatThrownBy(() -> ControlCharacters.check("name", "a\u0000b"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(e.detail()).isEqualTo("name: " + ControlCharacters.REFUSED);
              assertThat(e.errors()).containsEntry("name", List.of(ControlCharacters.REFUSED));
            });
  }

  @Test
  void urlsWithEncodedControlCharactersAreRefused() {
    for (String url :
        List.of("/snacks/%00", "/snacks/a%0Ab/", "/orders/?search=x%00", "/x?q=%7f", "/x?q=%1B")) {
      assertThat(ControlCharacters.refusedInUrl(URI.create(url))).as(url).isTrue();
    }
    for (String url :
        List.of("/snacks/abc/", "/snacks/?search=%EA%B0%90%EC%9E%90", "/x?q=%2500", "/x?q=%20a")) {
      assertThat(ControlCharacters.refusedInUrl(URI.create(url))).as(url).isFalse();
    }
  }

  @Test
  void theUrlFilterAnswersWithA400BeforeAnyHandler() {
    MockServerWebExchange refused =
        MockServerWebExchange.from(
            MockServerHttpRequest.method(HttpMethod.GET, URI.create("/snacks/%00")).build());
    assertThatThrownBy(
            () ->
                ControlCharacters.urlFilter()
                    .filter(refused, exchange -> Mono.error(new AssertionError("handled")))
                    .block())
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));

    MockServerWebExchange fine =
        MockServerWebExchange.from(
            MockServerHttpRequest.method(HttpMethod.GET, URI.create("/snacks/abc")).build());
    assertThat(
            ControlCharacters.urlFilter()
                .filter(fine, exchange -> Mono.empty())
                .thenReturn("passed")
                .block())
        .isEqualTo("passed");
  }
}
