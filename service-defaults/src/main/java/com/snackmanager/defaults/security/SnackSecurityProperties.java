package com.snackmanager.defaults.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where tokens come from and how fresh revocation data must be.
 *
 * @param issuer the {@code iss} every access token must carry
 * @param audience the {@code aud} every access token must name (the suite itself)
 * @param jwksUri the auth-service's JSON Web Key Set
 * @param tokenVersionRefresh how often the member token versions and the signed-out access tokens
 *     are re-read from Redis; keeps a revoked token usable for at most this long on a replica that
 *     missed nothing else
 * @param verifiedTokens how many access tokens whose signature was checked are kept, so that the
 *     next request with the same token is only validated ({@link VerifiedTokens}); 0 turns it off
 * @param jwksRefreshCooldown the least time between two fetches of the JWKS for tokens naming an
 *     unknown {@code kid} ({@link JwksClient}); 0 fetches for each (never in production)
 */
@ConfigurationProperties("snack.security")
public record SnackSecurityProperties(
    String issuer,
    String audience,
    URI jwksUri,
    Duration tokenVersionRefresh,
    Integer verifiedTokens,
    Duration jwksRefreshCooldown) {

  @ConstructorBinding
  public SnackSecurityProperties {
    issuer = issuer == null ? "snack-manager" : issuer;
    audience = audience == null ? "snack-manager" : audience;
    jwksUri = jwksUri == null ? URI.create("http://127.0.0.1:8081/auth/jwks/") : jwksUri;
    tokenVersionRefresh =
        tokenVersionRefresh == null ? Duration.ofMillis(250) : tokenVersionRefresh;
    verifiedTokens = verifiedTokens == null ? 10_000 : verifiedTokens;
    jwksRefreshCooldown =
        jwksRefreshCooldown == null ? Duration.ofSeconds(30) : jwksRefreshCooldown;
    if (jwksRefreshCooldown.isNegative()) {
      throw new IllegalArgumentException(
          "snack.security.jwks-refresh-cooldown must not be negative; got " + jwksRefreshCooldown);
    }
  }

  /** With the default JWKS refresh cooldown. */
  public SnackSecurityProperties(
      String issuer,
      String audience,
      URI jwksUri,
      Duration tokenVersionRefresh,
      Integer verifiedTokens) {
    this(issuer, audience, jwksUri, tokenVersionRefresh, verifiedTokens, null);
  }
}
