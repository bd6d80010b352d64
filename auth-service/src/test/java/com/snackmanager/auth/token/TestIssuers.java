package com.snackmanager.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Token issuers as the auth-service configures them by default, for tests that mint directly. */
public final class TestIssuers {

  private TestIssuers() {}

  /** Issued by and for {@code snack-manager}: 15-minute access, 7-day refresh tokens. */
  public static TokenIssuer issuer(SigningKeys keys) {
    return issuer(keys, "snack-manager", Clock.systemUTC());
  }

  /** Issued by {@code iss} at a fixed {@code now}. */
  public static TokenIssuer issuer(SigningKeys keys, String iss, Instant now) {
    return issuer(keys, iss, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static TokenIssuer issuer(SigningKeys keys, String iss, Clock clock) {
    return new TokenIssuer(
        keys, iss, "snack-manager", Duration.ofMinutes(15), Duration.ofDays(7), clock);
  }
}
