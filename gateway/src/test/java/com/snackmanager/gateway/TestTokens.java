package com.snackmanager.gateway;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Mints tokens shaped like the auth-service's, with a key the stub auth-service publishes. */
final class TestTokens {

  static final String KEY_ID = "gateway-test";
  static final KeyPair KEY = generate();
  static final KeyPair OTHER_KEY = generate();

  private TestTokens() {}

  /** The JWKS the stub auth-service serves: the public half of {@link #KEY}. */
  static String jwks() {
    RSAKey key =
        new RSAKey.Builder((RSAPublicKey) KEY.getPublic())
            .keyID(KEY_ID)
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256)
            .build();
    return new JWKSet(key).toString();
  }

  static long newMemberId() {
    return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
  }

  /** A valid access token of a member nobody else uses (so no rate limit is shared). */
  static String member() {
    return sign(claims(newMemberId(), 0).build());
  }

  static JWTClaimsSet.Builder claims(long memberId, long version) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject(Long.toString(memberId))
        .issuer("snack-manager")
        .audience("snack-manager")
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .claim("email", "member" + memberId + "@example.com")
        .claim("name", "Member " + memberId)
        .claim("member_type", "MEMBER")
        .claim("token_type", "access")
        .claim("ver", version);
  }

  static String sign(JWTClaimsSet claims) {
    return sign(claims, KEY);
  }

  static String sign(JWTClaimsSet claims, KeyPair key) {
    return sign(claims, key, KEY_ID);
  }

  static String sign(JWTClaimsSet claims, KeyPair key, String keyId) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .type(JOSEObjectType.JWT)
                  .keyID(keyId)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key.getPrivate()));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code alg: none}. */
  static String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
