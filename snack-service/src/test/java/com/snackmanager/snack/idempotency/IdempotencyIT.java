package com.snackmanager.snack.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.defaults.idempotency.IdempotencyKey;
import com.snackmanager.defaults.idempotency.IdempotentRequests;
import com.snackmanager.snack.SnackServiceTest;
import com.snackmanager.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Idempotency-Key on POST /snacks/: Stripe's semantics, enforced by the database (service-defaults'
 * {@code IdempotentRequests}, tested there in depth; here: its wiring into registration).
 */
class IdempotencyIT extends SnackServiceTest {

  private EntityExchangeResult<byte[]> post(String token, String key, Object body) {
    return client
        .post()
        .uri("/snacks/")
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> h.setBearerAuth(token))
        .header("Idempotency-Key", key)
        .bodyValue(body)
        .exchange()
        .expectBody()
        .returnResult();
  }

  private long snacksNamed(String name) {
    return count("SELECT count(*) FROM snack WHERE name = $1", name);
  }

  @Test
  void aRetryWithTheSameKeyAndBodyGetsTheFirstResponseAndChangesNothing() {
    String token = member();
    String key = UUID.randomUUID().toString();
    String name = "재시도 과자 " + unique();
    Map<String, Object> body = jsonBody(FIXTURES.get(2), name);

    EntityExchangeResult<byte[]> first = post(token, key, body);
    assertThat(first.getStatus()).isEqualTo(HttpStatus.CREATED);
    assertThat(first.getResponseHeaders().containsHeader("Idempotent-Replayed")).isFalse();
    long events = count("SELECT count(*) FROM outbox");

    EntityExchangeResult<byte[]> again = post(token, key, body);
    assertThat(again.getStatus()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
    assertThat(again.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.getResponseHeaders().getLocation())
        .isEqualTo(first.getResponseHeaders().getLocation());

    assertThat(snacksNamed(name)).isOne();
    assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(events);
  }

  @Test
  void theSameKeyWithAnotherBodyIs409() {
    String token = member();
    String key = UUID.randomUUID().toString();
    String name = "키 재사용 " + unique();
    assertThat(post(token, key, jsonBody(FIXTURES.get(2), name)).getStatus())
        .isEqualTo(HttpStatus.CREATED);

    Map<String, Object> other = jsonBody(FIXTURES.get(2), name + " 다른");
    expectProblem(
        client
            .post()
            .uri("/snacks/")
            .contentType(MediaType.APPLICATION_JSON)
            .headers(h -> h.setBearerAuth(token))
            .header("Idempotency-Key", key)
            .bodyValue(other)
            .exchange(),
        HttpStatus.CONFLICT,
        IdempotentRequests.KEY_REUSED);
    assertThat(snacksNamed(name + " 다른")).isZero();
  }

  @Test
  void keysArePerMember() {
    String key = UUID.randomUUID().toString();
    String firstName = "회원별 키 " + unique();
    String secondName = "회원별 키 " + unique();
    assertThat(post(member(), key, jsonBody(FIXTURES.get(2), firstName)).getStatus())
        .isEqualTo(HttpStatus.CREATED);
    // another member's request with the same key is a request of its own
    assertThat(post(member(), key, jsonBody(FIXTURES.get(2), secondName)).getStatus())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(snacksNamed(firstName) + snacksNamed(secondName)).isEqualTo(2);
  }

  @Test
  void aFailedRequestLeavesNoKeyBehindSoItCanBeRetriedFixed() {
    String token = member();
    String key = UUID.randomUUID().toString();
    String name = "고쳐서 재시도 " + unique();
    Map<String, Object> body = jsonBody(FIXTURES.get(2), name);
    body.put("currency", "EUR");
    assertThat(post(token, key, body).getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
    body.put("currency", "KRW");
    assertThat(post(token, key, body).getStatus()).isEqualTo(HttpStatus.CREATED);
    assertThat(snacksNamed(name)).isOne();
  }

  @Test
  void tenConcurrentRetriesWithOneKeyCreateOneSnackAndAllGetItsResponse() {
    long memberId = newMemberId();
    String key = UUID.randomUUID().toString();
    String name = "동시 재시도 " + unique();
    Map<String, Object> body = jsonBody(FIXTURES.get(0), name);
    WebClient http = http();
    List<String> responses =
        Flux.range(0, 10)
            .flatMap(
                i ->
                    http.post()
                        .uri("/snacks/")
                        .contentType(MediaType.APPLICATION_JSON)
                        .headers(h -> h.setBearerAuth(TestTokens.get().member(memberId)))
                        .header("Idempotency-Key", key)
                        .bodyValue(body)
                        .exchangeToMono(
                            response ->
                                response
                                    .bodyToMono(String.class)
                                    .map(text -> response.statusCode().value() + " " + text)),
                10)
            .collectList()
            .block(Duration.ofMinutes(1));
    assertThat(responses).hasSize(10);
    assertThat(responses).allMatch(response -> response.startsWith("201 "));
    assertThat(responses.stream().distinct()).hasSize(1);
    assertThat(snacksNamed(name)).isOne();
  }

  @Test
  void aMultipartRetryWithTheSamePictureIsReplayedAndAnotherPictureIs409() {
    String token = member();
    String key = UUID.randomUUID().toString();
    Fixture buldak = FIXTURES.get(1);
    String name = buldak.name() + " " + unique();
    byte[] first =
        postForm(
                token,
                form(jsonBody(buldak, name), buldak.imageBytes(), "a.jpg", "image/jpeg"),
                key)
            .expectStatus()
            .isCreated()
            .expectBody()
            .returnResult()
            .getResponseBody();
    // a new multipart boundary, the same content
    byte[] again =
        postForm(
                token,
                form(jsonBody(buldak, name), buldak.imageBytes(), "b.jpg", "image/jpeg"),
                key)
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("Idempotent-Replayed", "true")
            .expectBody()
            .returnResult()
            .getResponseBody();
    assertThat(again).isEqualTo(first);

    postForm(
            token,
            form(jsonBody(buldak, name), FIXTURES.get(4).imageBytes(), "a.jpg", "image/jpeg"),
            key)
        .expectStatus()
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(snacksNamed(name)).isOne();
  }

  @Test
  void anUnusableKeyIs400() {
    expectProblem(
        client
            .post()
            .uri("/snacks/")
            .contentType(MediaType.APPLICATION_JSON)
            .headers(h -> h.setBearerAuth(member()))
            .header("Idempotency-Key", "k".repeat(256))
            .bodyValue(jsonBody(FIXTURES.get(2), "키 " + unique()))
            .exchange(),
        HttpStatus.BAD_REQUEST,
        IdempotencyKey.UNUSABLE);
  }

  @Test
  void anExpiredKeyMayBeUsedAgain() {
    String token = member();
    String key = UUID.randomUUID().toString();
    String name = "만료 " + unique();
    assertThat(post(token, key, jsonBody(FIXTURES.get(2), name)).getStatus())
        .isEqualTo(HttpStatus.CREATED);
    db.sql(
            "UPDATE idempotency_key SET created_at = now() - interval '25 hours'"
                + " WHERE idempotency_key = :key")
        .bind("key", key)
        .then()
        .block();
    // the key is free again: this is a new request (and its name is new too)
    assertThat(post(token, key, jsonBody(FIXTURES.get(2), name + " 2")).getStatus())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(snacksNamed(name + " 2")).isOne();
  }
}
