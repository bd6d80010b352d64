package com.snackmanager.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Access tokens shaped exactly like the auth-service's (RS256, {@code typ: JWT}, {@code sub},
 * {@code aud}, {@code email}, {@code name}, {@code member_type}, {@code token_type=access}, {@code
 * ver}), signed with whatever key a test holds: the pieces {@link TestTokens} and the tests with
 * keys of their own mint with.
 */
public final class AccessTokens {

  public static final String ISSUER = "snack-manager";
  public static final String AUDIENCE = "snack-manager";

  private AccessTokens() {}

  /** Claims of a valid access token, to change one thing before {@link #sign}. */
  public static JWTClaimsSet.Builder claims(long memberId, String memberType, long version) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject(Long.toString(memberId))
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
        .claim("email", "member" + memberId + "@example.com")
        .claim("name", "Member " + memberId)
        .claim("member_type", memberType)
        .claim("token_type", "access")
        .claim("ver", version);
  }

  /** Claims of an access token issued two hours ago that expired an hour ago. */
  public static JWTClaimsSet.Builder expiredClaims(long memberId, String memberType) {
    Instant now = Instant.now();
    return claims(memberId, memberType, 0)
        .issueTime(Date.from(now.minus(Duration.ofHours(2))))
        .expirationTime(Date.from(now.minus(Duration.ofHours(1))));
  }

  public static String sign(JWTClaimsSet claims, PrivateKey key, String keyId) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .type(JOSEObjectType.JWT)
                  .keyID(keyId)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code alg: none}. */
  public static String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  /** A new 2048-bit RSA key pair. */
  public static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
