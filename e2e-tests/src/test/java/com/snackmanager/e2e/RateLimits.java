package com.snackmanager.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Tests that send hundreds of requests in a row meet the gateway's rate limits (a member's bucket,
 * the anonymous bucket per address), which are not what they test: a 429 is sent again until the
 * bucket has refilled, so every request really reaches the check under test. A 429 that outlasts
 * {@link #PATIENCE} (the sign-in throttle's delays are 30 s and more) is the answer, and the caller
 * judges it like any other; so is a 429 asking for a longer wait than that.
 */
final class RateLimits {

  static final Duration PATIENCE = Duration.ofSeconds(5);

  private RateLimits() {}

  static Api.Response pastRateLimit(Supplier<Api.Response> request) {
    AtomicReference<Api.Response> last = new AtomicReference<>();
    try {
      await()
          .atMost(PATIENCE)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                last.set(request.get());
                return last.get().status() != 429 || longerThanPatience(last.get());
              });
    } catch (ConditionTimeoutException stillLimited) {
      // still 429 after PATIENCE: that is the response
    }
    return last.get();
  }

  /** A wait longer than {@link #PATIENCE} (a sign-in delay, not a bucket refilling). */
  private static boolean longerThanPatience(Api.Response limited) {
    String retryAfter = limited.header("Retry-After");
    return retryAfter != null
        && retryAfter.matches("\\d{1,9}")
        && Long.parseLong(retryAfter) > PATIENCE.toSeconds();
  }
}
