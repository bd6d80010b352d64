package com.snackmanager.defaults.idempotency;

import com.snackmanager.defaults.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Runs a request at most once per member and {@code Idempotency-Key}. The key is claimed, the work
 * done and its response stored in ONE transaction (the caller's), so a key is never left claimed
 * without a response, and the work of a failed request leaves no key behind: a request that ends in
 * a 4xx from validation or a business rule can simply be retried with its key. Only successful
 * responses are stored.
 *
 * <p>Expiry, one rule: a key is remembered for {@code snack.idempotency.retention} from its claim,
 * by the service's {@link Clock}. After that the next request with the key takes it over as a new
 * request (so correctness never waits for a purge), and {@link IdempotencyKeyPurge} deletes expired
 * records every {@code purge-interval} (so the table stays small).
 */
public class IdempotentRequests {

  public static final String KEY_REUSED =
      "This Idempotency-Key was already used with a different request; use a new key.";
  public static final String IN_PROGRESS =
      "A request with this Idempotency-Key is still in progress; try again shortly.";

  private final IdempotencyKeys keys;
  private final IdempotencyProperties properties;
  private final Clock clock;

  IdempotentRequests(IdempotencyKeys keys, IdempotencyProperties properties, Clock clock) {
    this.keys = keys;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Must run inside a transaction that also holds the work's writes.
   *
   * @param requestHash what identifies "the same request" ({@link #fingerprint} of its checked
   *     content, never of raw bytes that differ between retries)
   * @param work the request's effect and its response, run only if the key is new
   * @return the work's response, or the stored response of the first request with this key ({@link
   *     StoredResponse#replayed()}); an error signal with a 409 if the key was used for another
   *     request
   */
  public Mono<StoredResponse> once(
      long memberId, IdempotencyKey key, String requestHash, Supplier<Mono<StoredResponse>> work) {
    return Mono.defer(
        () -> {
          Instant now = clock.instant();
          return keys.claim(memberId, key.value(), requestHash, now, expiredBefore(now))
              .flatMap(
                  claimed ->
                      claimed
                          ? Mono.defer(work)
                              .flatMap(
                                  response ->
                                      keys.complete(memberId, key.value(), response)
                                          .thenReturn(response))
                          : keys.find(memberId, key.value())
                              .switchIfEmpty(Mono.error(() -> ApiException.conflict(IN_PROGRESS)))
                              .map(entry -> replay(entry, requestHash)));
        });
  }

  /** A hex SHA-256 of a request's canonical form, to tell "the same request" from another. */
  public static String fingerprint(String canonicalRequest) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Deletes the records that have expired; returns how many. */
  Mono<Long> purgeExpired() {
    return Mono.defer(() -> keys.purge(expiredBefore(clock.instant())));
  }

  private Instant expiredBefore(Instant now) {
    return now.minus(properties.retention());
  }

  private static StoredResponse replay(IdempotencyKeys.Entry entry, String requestHash) {
    if (!entry.requestHash().equals(requestHash)) {
      throw ApiException.conflict(KEY_REUSED);
    }
    if (entry.status() == null) {
      // the claim and the response commit together: only a transaction still running shows this
      throw ApiException.conflict(IN_PROGRESS);
    }
    return new StoredResponse(entry.status(), entry.body(), entry.location(), true);
  }
}
