package com.snackmanager.defaults.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The auth-service's public keys (its JWKS), fetched once and picked by a token's {@code kid}, for
 * {@code NimbusReactiveJwtDecoder.withJwkSource}.
 *
 * <p>A {@code kid} the set does not hold makes the set be fetched again (a rotation announces the
 * next key before anything signs with it), but at most once per {@code cooldown} per process: a
 * made-up {@code kid} is free to send, and without the cooldown each such request made every
 * process of the suite fetch the set from the auth-service. Tokens that meet an unknown {@code kid}
 * while a fetch is under way wait for that fetch instead of starting their own; a {@code kid} still
 * unknown after it, or met during the cooldown, has no key, so its token is refused (401) without
 * another fetch.
 *
 * <p>Only RS256 keys are looked for (the suite signs with nothing else): a token of another
 * algorithm has no key and never causes a fetch. A fetch that fails is an error (the decoder
 * reports it as keys unavailable: 503); until a first fetch has succeeded it is retried at most
 * once per {@link #RETRY_UNTIL_FIRST_SET} (or the cooldown, if shorter), after that the keys known
 * stay in use.
 */
public final class JwksClient implements Function<SignedJWT, Flux<JWK>> {

  /** The longest wait for the key set; a fetch that hangs must not hold tokens up for ever. */
  static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

  /** How often a process that has no keys yet tries again (it refuses every token meanwhile). */
  static final Duration RETRY_UNTIL_FIRST_SET = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(JwksClient.class);

  private final WebClient web;
  private final URI uri;
  private final long cooldownNanos;
  private final long firstSetRetryNanos;
  private final LongSupplier nanoTime;
  private final Object lock = new Object();
  private volatile JWKSet keys; // null until fetched

  // guarded by lock
  private boolean attempted;
  private long lastAttempt;
  private Throwable lastFailure;
  private Mono<JWKSet> pending;

  /**
   * @param uri the auth-service's JSON Web Key Set
   * @param cooldown the least time between two fetches for unknown {@code kid}s (zero: a fetch for
   *     each, still shared by concurrent tokens)
   */
  public JwksClient(URI uri, Duration cooldown) {
    this(WebClient.create(), uri, cooldown, System::nanoTime);
  }

  JwksClient(WebClient web, URI uri, Duration cooldown, LongSupplier nanoTime) {
    this.web = web;
    this.uri = uri;
    this.cooldownNanos = cooldown.toNanos();
    this.firstSetRetryNanos = Math.min(cooldownNanos, RETRY_UNTIL_FIRST_SET.toNanos());
    this.nanoTime = nanoTime;
  }

  /** The keys that may have signed this token: by its {@code kid}, fetched again if unknown. */
  @Override
  public Flux<JWK> apply(SignedJWT token) {
    JWSHeader header = token.getHeader();
    if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
      return Flux.empty();
    }
    JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
    JWKSet known = keys;
    if (known != null) {
      List<JWK> found = selector.select(known);
      if (!found.isEmpty()) {
        return Flux.fromIterable(found);
      }
    }
    // decided when subscribed, so that a fetch is only started for a token that waits for it
    return Mono.defer(() -> refreshed(known)).flatMapIterable(selector::select);
  }

  /**
   * The key set after a fetch, if {@code seen} (what the caller looked in) may be fetched again
   * now; else the keys known (or, while there are none, the last failure).
   */
  private Mono<JWKSet> refreshed(JWKSet seen) {
    synchronized (lock) {
      if (pending != null) {
        return pending;
      }
      JWKSet current = keys;
      if (current != seen) {
        return Mono.just(current); // fetched since the caller looked
      }
      long now = nanoTime.getAsLong();
      if (attempted && now - lastAttempt < (current == null ? firstSetRetryNanos : cooldownNanos)) {
        return current != null ? Mono.just(current) : Mono.error(noKeysYet());
      }
      attempted = true;
      lastAttempt = now;
      // cleared before the result reaches anyone (doFinally would run after): a caller that got a
      // failure and asks again must find no finished fetch still pending
      pending = fetch().doOnTerminate(this::fetched).cache();
      return pending;
    }
  }

  private Mono<JWKSet> fetch() {
    return web.get()
        .uri(uri)
        .retrieve()
        .bodyToMono(String.class)
        .timeout(FETCH_TIMEOUT)
        .map(JwksClient::parse)
        .doOnNext(
            set -> {
              keys = set;
              log.debug("Fetched {} signing key(s) from {}", set.getKeys().size(), uri);
            })
        .doOnError(
            error -> {
              synchronized (lock) {
                lastFailure = error;
              }
              log.warn("Cannot fetch the signing keys from {}: {}", uri, error.toString());
            });
  }

  private void fetched() {
    synchronized (lock) {
      pending = null;
    }
  }

  private Throwable noKeysYet() {
    return new IllegalStateException(
        "The signing keys were not fetched yet from " + uri, lastFailure);
  }

  private static JWKSet parse(String body) {
    try {
      return JWKSet.parse(body);
    } catch (ParseException e) {
      throw new IllegalStateException("Not a JSON Web Key Set: " + e.getMessage(), e);
    }
  }
}
