package com.snackmanager.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits ({@code snack.rate-limit.*}).
 *
 * @param enabled whether requests are limited at all
 * @param member per member (the access token's subject)
 * @param anonymous per client IP, for requests without a token
 * @param token per client IP, for {@code POST /auth/token} (password guessing)
 * @param failedAuthentication per client IP, only the requests refused for their token (none on a
 *     protected path, or one that does not verify: {@link FailedAuthenticationLimit}); valid tokens
 *     from the same address are never counted nor refused
 */
@ConfigurationProperties("snack.rate-limit")
public record RateLimitProperties(
    boolean enabled, Policy member, Policy anonymous, Policy token, Policy failedAuthentication) {

  public RateLimitProperties {
    member = member == null ? new Policy(50, Duration.ofSeconds(1), 100) : member;
    anonymous = anonymous == null ? new Policy(20, Duration.ofSeconds(1), 40) : anonymous;
    token = token == null ? new Policy(600, Duration.ofMinutes(1), 300) : token;
    failedAuthentication =
        failedAuthentication == null
            ? new Policy(600, Duration.ofMinutes(1), 600)
            : failedAuthentication;
  }

  /**
   * A token bucket: {@code limit} requests per {@code period} on average, and up to {@code burst}
   * at once after a quiet spell.
   */
  public record Policy(int limit, Duration period, int burst) {

    public Policy {
      if (limit < 1 || burst < 1 || period == null || period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException(
            "A rate limit needs a positive limit, burst and period; got "
                + limit
                + "/"
                + period
                + " burst "
                + burst);
      }
    }

    /**
     * How many tokens a gateway replica takes from Redis at once and spends locally: a tenth of the
     * burst, at least 1 (exact limiting for small bursts) and at most 20.
     */
    int lease() {
      return Math.max(1, Math.min(20, burst / 10));
    }

    /** Requests that come back per millisecond. */
    double permitsPerMilli() {
      return (double) limit / period.toMillis();
    }
  }
}
