package com.snackmanager.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.testsupport.FreePorts;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The throttle's scripts on real Redis, with delays short enough to wait out. */
class LoginThrottleTest {

  /** Per account and address: 2 free failures, then 200 ms, 400 ms, 800 ms, 800 ms, ... */
  private static final LoginThrottleProperties.Backoff PAIR =
      new LoginThrottleProperties.Backoff(
          2, Duration.ofMillis(200), Duration.ofMillis(800), Duration.ofSeconds(10));

  private static final LoginThrottleProperties.AddressLimit ADDRESS =
      new LoginThrottleProperties.AddressLimit(6, Duration.ofSeconds(10));

  /** The account level out of the way, so each test sees the level it is about. */
  private static final LoginThrottleProperties LIMITS =
      new LoginThrottleProperties(
          PAIR,
          new LoginThrottleProperties.Backoff(
              100, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(10)),
          ADDRESS);

  /** Per account: 3 free failures, then 300 ms, 600 ms, 600 ms, ... */
  private static final LoginThrottleProperties ACCOUNT_LIMITS =
      new LoginThrottleProperties(
          PAIR,
          new LoginThrottleProperties.Backoff(
              3, Duration.ofMillis(300), Duration.ofMillis(600), Duration.ofSeconds(10)),
          ADDRESS);

  private final String email = "throttled-" + UUID.randomUUID() + "@snack.test";

  @Test
  void delaysDoubleAfterTheFreeFailuresUpToTheCap() {
    withThrottle(
        LIMITS,
        throttle -> {
          String address = address();
          fail(throttle, address);
          fail(throttle, address);
          for (long delay : new long[] {200, 400, 800, 800}) {
            // asked right after the failure: nearly the whole delay is left
            Duration wait = refused(throttle, address);
            assertThat(wait.toMillis()).as("delay %d ms", delay).isBetween(delay / 2, delay);
            letThroughWithin(throttle, address, wait).failed().block(Duration.ofSeconds(10));
          }
        });
  }

  @Test
  void parallelAttemptsGetNoMoreThanTheFreeFailures() {
    withThrottle(
        LIMITS,
        throttle -> {
          String address = address();
          List<Boolean> allowed =
              Flux.range(0, 30)
                  .flatMap(
                      i ->
                          throttle
                              .begin(email, address)
                              .map(attempt -> true)
                              .onErrorResume(TokenService.Throttled.class, e -> Mono.just(false)),
                      30)
                  .collectList()
                  .block(Duration.ofSeconds(10));
          assertThat(allowed).filteredOn(ok -> ok).hasSize(PAIR.freeFailures());
        });
  }

  @Test
  void theAccountDelayHoldsBackOnlyAddressesThatFailedForTheAccount() {
    withThrottle(
        ACCOUNT_LIMITS,
        throttle -> {
          List<String> guessers = List.of(address(), address(), address(), address());
          guessers.forEach(guesser -> fail(throttle, guesser));
          // 4 failures of the account, 1 from each address: past the account's 3 free ones
          assertThat(refused(throttle, guessers.get(0)).toMillis()).isBetween(1L, 600L);
          // an address without failures for the account goes ahead, and succeeds
          begin(throttle, address()).succeeded().block();
        });
  }

  @Test
  void aSuccessClearsItsAddressButNotOtherAddresses() {
    withThrottle(
        LIMITS,
        throttle -> {
          String owner = address();
          String guesser = address();
          fail(throttle, guesser);
          fail(throttle, guesser);
          begin(throttle, owner).succeeded().block();
          assertThat(refused(throttle, guesser)).isPositive();

          fail(throttle, owner);
          fail(throttle, owner);
          letThroughWithin(throttle, owner, refused(throttle, owner)).succeeded().block();
          // the owner's address starts afresh: its free failures again, then a delay
          fail(throttle, owner);
          fail(throttle, owner);
          assertThat(refused(throttle, owner)).isPositive();
        });
  }

  @Test
  void anAbandonedAttemptDoesNotCount() {
    withThrottle(
        LIMITS,
        throttle -> {
          String address = address();
          for (int i = 0; i < 5; i++) {
            begin(throttle, address).abandoned().block();
          }
          fail(throttle, address);
          fail(throttle, address);
          assertThat(refused(throttle, address)).isPositive();
        });
  }

  @Test
  void anAddressIsStoppedAfterItsFailuresForAnyAccount() {
    withThrottle(
        LIMITS,
        throttle -> {
          String address = address();
          for (int i = 0; i < ADDRESS.maxFailures(); i++) {
            LoginThrottle.Attempt attempt =
                throttle.begin("sprayed-" + i + "-" + email, address).block();
            attempt.failed().block();
          }
          assertThat(refused(throttle, address).toMillis()).isBetween(1L, 10_000L);
          // a sign-in that succeeds is never counted against its address
          String office = address();
          for (int i = 0; i < 3 * ADDRESS.maxFailures(); i++) {
            begin(throttle, office).succeeded().block();
          }
          begin(throttle, office).succeeded().block();
        });
  }

  @Test
  void withoutRedisSignInsAreNotThrottled() {
    withThrottle(
        "127.0.0.1",
        FreePorts.find(),
        LIMITS,
        throttle -> {
          String address = address();
          for (int i = 0; i < 10; i++) {
            fail(throttle, address);
          }
          begin(throttle, address).succeeded().block();
        });
  }

  /** Addresses are opaque to the throttle: any text no other test uses will do. */
  private static String address() {
    return "address-" + UUID.randomUUID();
  }

  private LoginThrottle.Attempt begin(LoginThrottle throttle, String address) {
    return throttle.begin(email, address).block(Duration.ofSeconds(10));
  }

  private void fail(LoginThrottle throttle, String address) {
    begin(throttle, address).failed().block(Duration.ofSeconds(10));
  }

  /** How long {@code address} must wait; fails the test if it was let through. */
  private Duration refused(LoginThrottle throttle, String address) {
    return throttle
        .begin(email, address)
        .map(attempt -> Duration.ZERO)
        .onErrorResume(TokenService.Throttled.class, e -> Mono.just(e.retryAfter()))
        .blockOptional(Duration.ofSeconds(10))
        .filter(wait -> !wait.isZero())
        .orElseThrow(() -> new AssertionError("let through: " + address));
  }

  /**
   * The attempt {@code address} is let through with once its delay is over (a refused attempt
   * counts nothing, so asking again meanwhile changes no delay).
   */
  private LoginThrottle.Attempt letThroughWithin(
      LoginThrottle throttle, String address, Duration delay) {
    AtomicReference<LoginThrottle.Attempt> attempt = new AtomicReference<>();
    await()
        .atMost(delay.plusSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              throttle
                  .begin(email, address)
                  .onErrorResume(TokenService.Throttled.class, e -> Mono.empty())
                  .blockOptional(Duration.ofSeconds(10))
                  .ifPresent(attempt::set);
              return attempt.get() != null;
            });
    return attempt.get();
  }

  private static void withThrottle(LoginThrottleProperties limits, Consumer<LoginThrottle> test) {
    SnackTestInfrastructure redis = SnackTestInfrastructure.get();
    withThrottle(redis.redisHost(), redis.redisPort(), limits, test);
  }

  private static void withThrottle(
      String host, int port, LoginThrottleProperties limits, Consumer<LoginThrottle> test) {
    LettuceConnectionFactory factory =
        new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
    factory.afterPropertiesSet();
    factory.start();
    try {
      test.accept(new LoginThrottle(new ReactiveStringRedisTemplate(factory), limits));
    } finally {
      factory.destroy();
    }
  }
}
