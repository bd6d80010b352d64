package com.snackmanager.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.snackmanager.auth.member.Member;
import com.snackmanager.defaults.security.SnackJwt;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

/**
 * Mints the suite's RS256 tokens and reads back the refresh tokens it minted.
 *
 * <p>Access token: {@code sub} (member id), {@code email}, {@code name}, {@code member_type},
 * {@code ver} (the member's token version), {@code token_type=access}, {@code jti} (what a sign-out
 * revokes), {@code iat}, {@code exp}, {@code iss}, {@code aud}. Refresh token: {@code sub}, {@code
 * fam} (its family), {@code token_type=refresh}, {@code jti}, {@code iat}, {@code exp}, {@code iss}
 * — nothing else, since every refresh re-reads the member.
 */
public final class TokenIssuer {

  public static final String REFRESH = "refresh";
  public static final String FAMILY = "fam";

  private final SigningKeys keys;
  private final String issuer;
  private final String audience;
  private final Duration accessTtl;
  private final Duration refreshTtl;
  private final Clock clock;
  private final RSASSASigner signer;

  public TokenIssuer(
      SigningKeys keys,
      String issuer,
      String audience,
      Duration accessTtl,
      Duration refreshTtl,
      Clock clock) {
    this.keys = keys;
    this.issuer = issuer;
    this.audience = audience;
    this.accessTtl = accessTtl;
    this.refreshTtl = refreshTtl;
    this.clock = clock;
    try {
      this.signer = new RSASSASigner(keys.signingKey());
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign with the configured key", e);
    }
  }

  /** A refresh token as minted: the signed text and the facts stored about it. */
  public record Refresh(String token, UUID jti, UUID familyId, long memberId, Instant expiresAt) {}

  /** The verified claims of a refresh token. */
  public record RefreshClaims(UUID jti, UUID familyId, long memberId, Instant expiresAt) {}

  public String access(Member member) {
    Instant now = clock.instant();
    return sign(
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(Long.toString(member.id()))
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(accessTtl)))
            .claim("email", member.email())
            .claim("name", member.name())
            .claim("member_type", member.memberType().name())
            .claim(SnackJwt.TOKEN_TYPE, SnackJwt.ACCESS)
            .claim(SnackJwt.VERSION, member.tokenVersion())
            .build());
  }

  /** A refresh token of {@code familyId} (a new family at login, the same one on rotation). */
  public Refresh refresh(long memberId, UUID familyId) {
    Instant now = clock.instant();
    UUID jti = UUID.randomUUID();
    // JWT times have whole seconds: store the expiry exactly as the token states it
    Instant expiresAt = now.plus(refreshTtl).truncatedTo(ChronoUnit.SECONDS);
    String token =
        sign(
            new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(Long.toString(memberId))
                .jwtID(jti.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .claim(SnackJwt.TOKEN_TYPE, REFRESH)
                .claim(FAMILY, familyId.toString())
                .build());
    return new Refresh(token, jti, familyId, memberId, expiresAt);
  }

  /**
   * Verifies a refresh token: our signature, our issuer, of type refresh, and (unless {@code
   * acceptExpired}) unexpired.
   *
   * @throws InvalidTokenException otherwise
   */
  public RefreshClaims readRefresh(String token, boolean acceptExpired) {
    SignedJWT jwt = verified(token);
    try {
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (!issuer.equals(claims.getIssuer())) {
        throw new InvalidTokenException("wrong issuer");
      }
      if (!REFRESH.equals(claims.getStringClaim(SnackJwt.TOKEN_TYPE))) {
        throw new InvalidTokenException("not a refresh token");
      }
      Date expiry = claims.getExpirationTime();
      if (expiry == null) {
        throw new InvalidTokenException("no expiry");
      }
      if (!acceptExpired && !expiry.toInstant().isAfter(clock.instant())) {
        throw new InvalidTokenException("expired");
      }
      return new RefreshClaims(
          UUID.fromString(claims.getJWTID()),
          UUID.fromString(claims.getStringClaim(FAMILY)),
          Long.parseLong(claims.getSubject()),
          expiry.toInstant());
    } catch (ParseException | IllegalArgumentException | NullPointerException e) {
      throw new InvalidTokenException("malformed claims");
    }
  }

  private SignedJWT verified(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
        throw new InvalidTokenException("unexpected algorithm");
      }
      RSAKey key =
          keys.verificationKey(String.valueOf(jwt.getHeader().getKeyID()))
              .orElseThrow(() -> new InvalidTokenException("unknown key"));
      if (!jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
        throw new InvalidTokenException("bad signature");
      }
      return jwt;
    } catch (ParseException | JOSEException e) {
      throw new InvalidTokenException("unreadable");
    }
  }

  private String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .type(JOSEObjectType.JWT)
                  .keyID(keys.keyId())
                  .build(),
              claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a token", e);
    }
  }
}
