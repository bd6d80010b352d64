package com.snackmanager.defaults;

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
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Mints tokens shaped like the auth-service's, with a key of the test's own. */
final class TestTokens {

  static final KeyPair KEY = generate();
  static final KeyPair OTHER_KEY = generate();

  private TestTokens() {}

  static RSAPublicKey publicKey() {
    return (RSAPublicKey) KEY.getPublic();
  }

  static JWTClaimsSet.Builder claims(long memberId, String memberType, long version) {
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
        .claim("member_type", memberType)
        .claim("token_type", "access")
        .claim("ver", version);
  }

  static String sign(JWTClaimsSet claims) {
    return sign(claims, KEY);
  }

  static String sign(JWTClaimsSet claims, KeyPair key) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .type(JOSEObjectType.JWT)
                  .keyID("test")
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key.getPrivate()));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

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
