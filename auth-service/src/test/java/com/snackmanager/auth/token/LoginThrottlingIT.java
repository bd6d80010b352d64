package com.snackmanager.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.auth.AuthServiceTest;
import com.snackmanager.auth.member.EmailAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sign-in throttling with the production limits (application.yml), on real Redis: failures are
 * slowed per account and address, per account (only where failures came from) and per address;
 * successful sign-ins of an office behind one address are never refused.
 */
class LoginThrottlingIT extends AuthServiceTest {

  private static final String WRONG = "Wrong-Guess-000";

  /** The production limits this class relies on (application.yml). */
  private static final int FREE_FAILURES_PER_ADDRESS = 5;

  private static final int FREE_FAILURES_PER_ACCOUNT = 10;
  private static final int FAILURES_PER_ADDRESS = 100;

  @Autowired ReactiveStringRedisTemplate redis;
  @LocalServerPort int port;

  @Test
  void anOfficeOf200PeopleBehindOneAddressAllSignInWithinAMinute() {
    String office = uniqueAddress();
    List<String> people = members("office", 200);
    WebClient http = http();
    long started = System.nanoTime();
    // thirty of them mistype first, as people do at 9 a.m.
    List<Integer> typos =
        Flux.fromIterable(people.subList(0, 30))
            .flatMap(email -> status(http, email, WRONG, office), 16)
            .collectList()
            .block(Duration.ofMinutes(1));
    assertThat(typos).containsOnly(401);

    List<Integer> signIns =
        Flux.fromIterable(people)
            .flatMap(email -> status(http, email, PASSWORD, office), 16)
            .collectList()
            .block(Duration.ofMinutes(1));

    assertThat(counts(signIns)).containsExactly(Map.entry(200, 200L));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void theAdminSignsInFromItsOwnAddressWhileAnotherAddressGuesses() {
    Account admin = newAdmin("besieged");
    String attacker = uniqueAddress();
    List<Integer> guesses =
        IntStream.range(0, 50)
            .mapToObj(
                i ->
                    signIn(admin.email(), "Guess-" + i, attacker)
                        .expectBody()
                        .returnResult()
                        .getStatus()
                        .value())
            .toList();
    assertThat(guesses.subList(0, FREE_FAILURES_PER_ADDRESS)).containsOnly(401);
    assertThat(guesses.subList(FREE_FAILURES_PER_ADDRESS, 50)).containsOnly(429);

    // the guessing address is held back even with the right password ...
    expectThrottled(signIn(admin.email(), PASSWORD, attacker), Duration.ofSeconds(30));
    // ... and the admin, from an address of its own, is not
    signIn(admin.email(), PASSWORD, uniqueAddress()).expectStatus().isOk();
  }

  @Test
  void guessesFromManyAddressesAreSlowedPerAccountYetTheOwnerSignsIn() {
    Account owner = newMember("spread");
    List<String> attackers =
        IntStream.range(0, FREE_FAILURES_PER_ACCOUNT + 2).mapToObj(i -> uniqueAddress()).toList();
    for (String attacker : attackers) {
      signIn(owner.email(), WRONG, attacker).expectStatus().isUnauthorized();
    }
    // 12 failures overall: an address that has failed for the account waits (1 s doubled twice)
    expectThrottled(signIn(owner.email(), WRONG, attackers.get(0)), Duration.ofSeconds(4));
    // an address without failures for the account (the owner's) is let through at once
    signIn(owner.email(), PASSWORD, uniqueAddress()).expectStatus().isOk();
  }

  @Test
  void parallelGuessesCannotExceedTheBudget() {
    Account target = newMember("parallel");
    String attacker = uniqueAddress();
    WebClient http = http();
    List<Integer> statuses =
        Flux.range(0, 30)
            .flatMap(i -> status(http, target.email(), "Guess-" + i, attacker), 30)
            .collectList()
            .block(Duration.ofMinutes(1));

    assertThat(counts(statuses))
        .containsOnly(
            Map.entry(401, (long) FREE_FAILURES_PER_ADDRESS),
            Map.entry(429, 30L - FREE_FAILURES_PER_ADDRESS));
  }

  @Test
  void anAddressFailingForManyAccountsIsStoppedOthersAreNot() {
    Account member = newMember("sprayed");
    String sprayer = uniqueAddress();
    for (int i = 0; i < FAILURES_PER_ADDRESS; i++) {
      signIn(uniqueEmail("spray"), WRONG, sprayer).expectStatus().isUnauthorized();
    }
    expectThrottled(signIn(member.email(), PASSWORD, sprayer), Duration.ofMinutes(10));
    signIn(member.email(), PASSWORD, uniqueAddress()).expectStatus().isOk();
  }

  @Test
  void unknownEmailsAreThrottledLikeKnownOnes() {
    String nobody = uniqueEmail("ghost");
    String address = uniqueAddress();
    for (int attempt = 1; attempt <= FREE_FAILURES_PER_ADDRESS; attempt++) {
      signIn(nobody, "Guess-" + attempt, address).expectStatus().isUnauthorized();
    }
    expectThrottled(signIn(nobody, "Guess-6", address), Duration.ofSeconds(30));
  }

  @Test
  void aSuccessfulSignInClearsTheFailuresOfItsAddress() {
    Account member = newMember("reset");
    String address = uniqueAddress();
    for (int round = 0; round < 2; round++) {
      for (int attempt = 1; attempt < FREE_FAILURES_PER_ADDRESS; attempt++) {
        signIn(member.email(), WRONG, address).expectStatus().isUnauthorized();
      }
      signIn(member.email(), PASSWORD, address).expectStatus().isOk();
    }
  }

  @Test
  void absurdlyLongEmailsAreRefusedBeforeTheThrottleIsAsked() {
    String address = uniqueAddress();
    String tooLong =
        "a".repeat(EmailAddress.MAX_LENGTH - "@snack.test".length() + 1) + "@snack.test";
    for (String email : List.of(tooLong, "x".repeat(100_000) + "@snack.test")) {
      postJsonFrom(address, Map.of("email", email, "password", WRONG))
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.errors.email[0]")
          .isEqualTo(EmailAddress.TOO_LONG)
          .jsonPath("$.detail")
          .isEqualTo("email: " + EmailAddress.TOO_LONG);
      assertThat(redis.hasKey(LoginThrottle.Keys.of(email, address).account()).block()).isFalse();
    }
    postJsonFrom(address, Map.of("username", tooLong, "password", WRONG))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.username[0]")
        .isEqualTo(EmailAddress.TOO_LONG);
    // the longest valid length is an ordinary (failed) sign-in
    String longest = "b".repeat(EmailAddress.MAX_LENGTH - "@snack.test".length()) + "@snack.test";
    signIn(longest, WRONG, address).expectStatus().isUnauthorized();
  }

  @Test
  void throttleKeysAreShortLivedHashesWithoutTheEmailOrAddress() {
    String local = "hashed-" + UUID.randomUUID().toString().substring(0, 8);
    String email = local + "@Snack.Test";
    String address = uniqueAddress();
    signIn(email, WRONG, address).expectStatus().isUnauthorized();

    LoginThrottle.Keys keys = LoginThrottle.Keys.of(email, address);
    assertThat(keys.account())
        .isEqualTo(
            "snack:auth:login:account:" + LoginThrottle.sha256(email.toLowerCase(Locale.ROOT)));
    for (String key : keys.all()) {
      assertThat(key).hasSizeLessThan(100).doesNotContain(local).doesNotContain(address);
      assertThat(redis.getExpire(key).block()).as(key).isPositive();
    }
    List<String> all = redis.keys("snack:auth:login:*").collectList().block();
    assertThat(all).containsAll(keys.all());
    assertThat(all).noneMatch(key -> key.contains(local) || key.contains(address));
  }

  /** {@code count} members made directly in the database (one cheap hash shared by all). */
  private List<String> members(String prefix, int count) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
    return db.sql(
            "INSERT INTO member (email, password_hash, name)"
                + " SELECT :prefix || '-' || :run || '-' || n || '@snack.test', :hash, 'Person ' || n"
                + " FROM generate_series(1, :count) AS n RETURNING email")
        .bind("prefix", prefix)
        .bind("run", run)
        .bind("hash", hash)
        .bind("count", count)
        .map(row -> row.get("email", String.class))
        .all()
        .collectList()
        .block();
  }

  private WebTestClient.ResponseSpec postJsonFrom(String address, Map<String, String> body) {
    return client
        .post()
        .uri("/auth/token/")
        .header("X-Forwarded-For", address)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  /** A client of its own, so concurrent requests really go over separate connections. */
  private WebClient http() {
    return WebClient.create("http://127.0.0.1:" + port);
  }

  private static Mono<Integer> status(
      WebClient http, String email, String password, String address) {
    return http.post()
        .uri("/auth/token/")
        .header("X-Forwarded-For", address)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", password))
        .exchangeToMono(
            response -> response.releaseBody().thenReturn(response.statusCode().value()));
  }

  private static Map<Integer, Long> counts(List<Integer> statuses) {
    return statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
  }

  private static void expectThrottled(WebTestClient.ResponseSpec response, Duration atMost) {
    response
        .expectStatus()
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .value(
            HttpHeaders.RETRY_AFTER,
            value -> assertThat(Long.parseLong(value)).isBetween(1L, atMost.toSeconds()))
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo(TokenService.TOO_MANY_ATTEMPTS);
  }
}
