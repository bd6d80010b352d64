package com.snackmanager.defaults;

import com.nimbusds.jwt.JWTClaimsSet;
import com.snackmanager.testsupport.AccessTokens;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;

/** Mints tokens shaped like the auth-service's, with a key of the test's own. */
final class TestTokens {

  static final KeyPair KEY = AccessTokens.newKeyPair();
  static final KeyPair OTHER_KEY = AccessTokens.newKeyPair();

  private TestTokens() {}

  static RSAPublicKey publicKey() {
    return (RSAPublicKey) KEY.getPublic();
  }

  static JWTClaimsSet.Builder claims(long memberId, String memberType, long version) {
    return AccessTokens.claims(memberId, memberType, version);
  }

  static String sign(JWTClaimsSet claims) {
    return sign(claims, KEY);
  }

  static String sign(JWTClaimsSet claims, KeyPair key) {
    return AccessTokens.sign(claims, key.getPrivate(), "test");
  }

  static String unsigned(JWTClaimsSet claims) {
    return AccessTokens.unsigned(claims);
  }
}
