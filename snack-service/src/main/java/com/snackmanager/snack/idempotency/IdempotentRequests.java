package com.snackmanager.snack.idempotency;

import com.snackmanager.defaults.web.ApiException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Runs a request at most once per member and {@code Idempotency-Key}. The key is claimed, the work
 * done and its response stored in ONE transaction (the caller's), so a key is never left claimed
 * without a response, and the work of a failed request leaves no key behind: a request that ends in
 * a 4xx from validation or a business rule can simply be retried. Only successful responses are
 * stored.
 */
@Service
public class IdempotentRequests {

  static final String KEY_REUSED =
      "This Idempotency-Key was already used with a different request; use a new key.";
  static final String IN_PROGRESS =
      "A request with this Idempotency-Key is still in progress; try again shortly.";

  private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

  private final IdempotencyKeys keys;
  private final IdempotencyProperties properties;

  IdempotentRequests(IdempotencyKeys keys, IdempotencyProperties properties) {
    this.keys = keys;
    this.properties = properties;
  }

  /**
   * Must run inside a transaction that also holds the work's writes.
   *
   * @param requestHash what identifies "the same request" (a hash of its checked content)
   * @param work the request's effect and its response, run only if the key is new
   * @return the work's response, or the stored response of the first request with this key
   */
  public Mono<StoredResponse> once(
      long memberId, IdempotencyKey key, String requestHash, Supplier<Mono<StoredResponse>> work) {
    long retention = properties.retention().toSeconds();
    return keys.claim(memberId, key.value(), requestHash, retention)
        .flatMap(
            claimed ->
                claimed
                    ? Mono.defer(work)
                        .flatMap(
                            response ->
                                keys.complete(memberId, key.value(), response).thenReturn(response))
                    : keys.find(memberId, key.value())
                        .switchIfEmpty(Mono.error(() -> ApiException.conflict(IN_PROGRESS)))
                        .map(entry -> replay(entry, requestHash)));
  }

  private static StoredResponse replay(IdempotencyKeys.Entry entry, String requestHash) {
    if (!entry.requestHash().equals(requestHash)) {
      throw ApiException.conflict(KEY_REUSED);
    }
    if (entry.status() == null) {
      throw ApiException.conflict(IN_PROGRESS);
    }
    return new StoredResponse(entry.status(), entry.body(), entry.snackUid(), true);
  }

  @Scheduled(
      fixedDelayString = "${snack.idempotency.purge-interval:1h}",
      initialDelayString = "${snack.idempotency.purge-interval:1h}")
  void purgeExpired() {
    try {
      Long deleted = keys.purge(properties.retention().toSeconds()).block();
      log.debug("Purged {} expired idempotency keys", deleted);
    } catch (RuntimeException e) {
      log.warn("Could not purge expired idempotency keys: {}", e.toString());
    }
  }
}
