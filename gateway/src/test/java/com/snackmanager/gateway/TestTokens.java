package com.snackmanager.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.snackmanager.testsupport.AccessTokens;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.concurrent.ThreadLocalRandom;

/** Mints tokens shaped like the auth-service's, with a key the stub auth-service publishes. */
final class TestTokens {

  static final String KEY_ID = "gateway-test";
  static final KeyPair KEY = AccessTokens.newKeyPair();
  static final KeyPair OTHER_KEY = AccessTokens.newKeyPair();

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

  /** An access token of a new member that expired an hour ago. */
  static String expired() {
    return sign(AccessTokens.expiredClaims(newMemberId(), "MEMBER").build());
  }

  static JWTClaimsSet.Builder claims(long memberId, long version) {
    return AccessTokens.claims(memberId, "MEMBER", version);
  }

  static String sign(JWTClaimsSet claims) {
    return sign(claims, KEY);
  }

  static String sign(JWTClaimsSet claims, KeyPair key) {
    return sign(claims, key, KEY_ID);
  }

  static String sign(JWTClaimsSet claims, KeyPair key, String keyId) {
    return AccessTokens.sign(claims, key.getPrivate(), keyId);
  }

  /** {@code alg: none}. */
  static String unsigned(JWTClaimsSet claims) {
    return AccessTokens.unsigned(claims);
  }
}
