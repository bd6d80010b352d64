package com.snackmanager.auth.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code snack.auth.login-throttle.*}: how failed sign-ins are slowed down (see {@link
 * LoginThrottle}).
 *
 * @param accountAndAddress one account from one address: the strict limit, which only ever holds
 *     back the address the failures came from
 * @param account one account from every address together: a short delay, applied only to addresses
 *     that have failed for that account themselves
 * @param address one address, failures for any account: generous, since an office signs in from one
 *     address
 */
@ConfigurationProperties("snack.auth.login-throttle")
public record LoginThrottleProperties(
    Backoff accountAndAddress, Backoff account, AddressLimit address) {

  public LoginThrottleProperties {
    accountAndAddress =
        accountAndAddress == null
            ? new Backoff(5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1))
            : accountAndAddress;
    account =
        account == null
            ? new Backoff(10, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15))
            : account;
    address = address == null ? new AddressLimit(100, Duration.ofMinutes(10)) : address;
  }

  /**
   * Growing delays: the first {@code freeFailures} failures cost nothing; after that each attempt
   * must wait {@code firstDelay}, then twice as long, and so on up to {@code maxDelay}, counted
   * from the latest failure. The failures are forgotten {@code forgetAfter} after the latest one.
   */
  public record Backoff(
      int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

    public Backoff {
      if (freeFailures < 0
          || !isPositive(firstDelay)
          || !isPositive(maxDelay)
          || !isPositive(forgetAfter)
          || maxDelay.compareTo(firstDelay) < 0
          || forgetAfter.compareTo(maxDelay) < 0) {
        throw new IllegalArgumentException(
            "A login backoff needs free-failures >= 0 and 0 < first-delay <= max-delay <="
                + " forget-after; got "
                + freeFailures
                + ", "
                + firstDelay
                + ", "
                + maxDelay
                + ", "
                + forgetAfter);
      }
    }
  }

  /** At most {@code maxFailures} failed sign-ins from one address per {@code window}. */
  public record AddressLimit(int maxFailures, Duration window) {

    public AddressLimit {
      if (maxFailures < 1 || !isPositive(window)) {
        throw new IllegalArgumentException(
            "A login address limit needs max-failures >= 1 and a positive window; got "
                + maxFailures
                + " per "
                + window);
      }
    }
  }

  private static boolean isPositive(Duration duration) {
    return duration != null && !duration.isZero() && !duration.isNegative();
  }
}
