package com.snackmanager.defaults.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.snackmanager.testsupport.AccessTokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The decoder as the services build it ({@link JwksClient} under {@link VerifiedTokens}) against a
 * real HTTP server on loopback that serves a JWKS and counts the requests it gets. The process's
 * clock is a counter the test moves, so the cooldown passes without waiting.
 */
class JwksClientTest {

  static final Duration COOLDOWN = Duration.ofSeconds(30);
  static final int BURST = 50;

  private static final RSAKey CURRENT = generate("current");
  private static final RSAKey NEXT = generate("next");

  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicReference<List<JWK>> published =
      new AtomicReference<>(List.of(CURRENT.toPublicJWK()));
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicLong clock = new AtomicLong();
  private HttpServer server;
  private ReactiveJwtDecoder decoder;

  @BeforeEach
  void serveTheKeySet() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/auth/jwks/",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body = new JWKSet(published.get()).toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status.get(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    URI jwks = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/auth/jwks/");
    JwksClient keys = new JwksClient(WebClient.create(), jwks, COOLDOWN, clock::get);
    decoder =
        VerifiedTokens.of(
            NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build(),
            new SnackSecurityProperties(null, null, jwks, null, null, COOLDOWN),
            new TokenVersions(null, Duration.ofSeconds(1)));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aBurstOfUnknownKidsFetchesTheKeySetAtMostOncePerCooldown() {
    assertThat(subject(token(CURRENT))).isEqualTo("7");
    assertThat(fetches).as("the first token fetches the set").hasValue(1);

    // within the cooldown of that fetch: refused, nothing fetched
    assertThat(refusedInABurst()).isEqualTo(BURST);
    assertThat(fetches).hasValue(1);

    // after it: the whole burst shares one fetch, and its kids, still unknown, are refused
    pass(COOLDOWN);
    assertThat(refusedInABurst()).isEqualTo(BURST);
    assertThat(fetches).hasValue(2);

    // the known key is still used, without a fetch
    assertThat(subject(token(CURRENT))).isEqualTo("7");
    assertThat(fetches).hasValue(2);
  }

  @Test
  void aNewlyPublishedKeyIsFoundOnceTheCooldownHasPassed() {
    assertThat(subject(token(CURRENT))).isEqualTo("7");
    published.set(List.of(CURRENT.toPublicJWK(), NEXT.toPublicJWK()));
    String signedWithNext = token(NEXT);

    pass(COOLDOWN.minusSeconds(1));
    assertThatThrownBy(() -> subject(signedWithNext)).isInstanceOf(BadJwtException.class);
    assertThat(fetches).hasValue(1);

    pass(Duration.ofSeconds(1));
    assertThat(subject(signedWithNext)).isEqualTo("7");
    assertThat(subject(token(CURRENT))).isEqualTo("7");
    assertThat(fetches).hasValue(2);
  }

  @Test
  void keysThatCannotBeFetchedAreUnavailableNotARefusedToken() {
    status.set(503);
    assertThatThrownBy(() -> subject(token(CURRENT)))
        .isInstanceOf(JwtException.class)
        .isNotInstanceOf(BadJwtException.class)
        .hasMessageContaining("The signing keys are unavailable");
    // a process without keys retries within a second, not only after the cooldown
    assertThatThrownBy(() -> subject(token(CURRENT))).isNotInstanceOf(BadJwtException.class);
    assertThat(fetches).hasValue(1);

    status.set(200);
    pass(JwksClient.RETRY_UNTIL_FIRST_SET);
    assertThat(subject(token(CURRENT))).isEqualTo("7");
    assertThat(fetches).hasValue(2);
  }

  @Test
  void aTokenOfAnotherAlgorithmNeverCausesAFetch() throws Exception {
    SignedJWT hs256 =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("made-up").build(), claims());
    hs256.sign(new MACSigner(new byte[32]));
    assertThatThrownBy(() -> subject(hs256.serialize())).isInstanceOf(BadJwtException.class);
    assertThat(fetches).hasValue(0);
  }

  /** Decodes {@link #BURST} tokens of made-up kids at once; how many were refused (401). */
  private long refusedInABurst() {
    return Flux.range(0, BURST)
        // signed with the current key, but naming a key nobody published
        .map(i -> token(CURRENT, "made-up-" + UUID.randomUUID()))
        .collectList()
        .flatMapMany(
            tokens ->
                Flux.fromIterable(tokens)
                    .flatMap(
                        token ->
                            Mono.defer(() -> decoder.decode(token))
                                .subscribeOn(Schedulers.parallel())
                                .map(jwt -> false)
                                .onErrorResume(BadJwtException.class, e -> Mono.just(true)),
                        BURST))
        .filter(refused -> refused)
        .count()
        .block();
  }

  private String subject(String token) {
    return decoder.decode(token).block().getSubject();
  }

  private void pass(Duration time) {
    clock.addAndGet(time.toNanos());
  }

  private static JWTClaimsSet claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject("7")
        .issuer("snack-manager")
        .audience("snack-manager")
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .claim(SnackJwt.TOKEN_TYPE, SnackJwt.ACCESS)
        .claim(SnackJwt.VERSION, 0)
        .build();
  }

  private static String token(RSAKey key) {
    return token(key, key.getKeyID());
  }

  private static String token(RSAKey key, String keyId) {
    try {
      return AccessTokens.sign(claims(), key.toPrivateKey(), keyId);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generate(String keyId) {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(keyId)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
