package com.snackmanager.testsupport;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Access tokens for a service's tests ({@link AccessTokens}), signed by a test key whose JWKS is
 * served on a loopback port. A service under test then validates them with its real, JWKS-backed
 * decoder: {@code TestTokens.get().register(registry)}.
 */
public final class TestTokens {

  public static final String ISSUER = AccessTokens.ISSUER;
  public static final String AUDIENCE = AccessTokens.AUDIENCE;
  private static TestTokens instance;

  private final KeyPair keyPair;
  private final String keyId = "test-" + UUID.randomUUID();
  private final String jwksUri;

  private TestTokens() {
    this.keyPair = AccessTokens.newKeyPair();
    this.jwksUri = serveJwks();
  }

  public static synchronized TestTokens get() {
    if (instance == null) {
      instance = new TestTokens();
    }
    return instance;
  }

  /** Points {@code snack.security.*} at this test issuer. */
  public void register(DynamicPropertyRegistry registry) {
    registry.add("snack.security.jwks-uri", () -> jwksUri);
    registry.add("snack.security.issuer", () -> ISSUER);
    registry.add("snack.security.audience", () -> AUDIENCE);
  }

  public String member(long memberId) {
    return access(memberId, "MEMBER");
  }

  public String admin(long memberId) {
    return access(memberId, "ADMIN");
  }

  public String access(long memberId, String memberType) {
    return sign(claims(memberId, memberType).build());
  }

  /** A member's access token that expired an hour ago. */
  public String expired(long memberId) {
    return sign(AccessTokens.expiredClaims(memberId, "MEMBER").build());
  }

  /** Claims of a valid access token, to change one thing before {@link #sign}. */
  public JWTClaimsSet.Builder claims(long memberId, String memberType) {
    return AccessTokens.claims(memberId, memberType, 0);
  }

  public String sign(JWTClaimsSet claims) {
    return AccessTokens.sign(claims, keyPair.getPrivate(), keyId);
  }

  private String serveJwks() {
    RSAKey publicJwk =
        new RSAKey.Builder((RSAPublicKey) keyPair.getPublic())
            .keyID(keyId)
            .algorithm(JWSAlgorithm.RS256)
            .build();
    byte[] body = new JWKSet(publicJwk).toString(true).getBytes(StandardCharsets.UTF_8);
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/auth/jwks",
          exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.setExecutor(null);
      server.start();
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/auth/jwks/";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
