package com.snackmanager.order.idempotency;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes expired Idempotency-Key records. Correctness does not depend on it (an expired record is
 * replaced when its key comes again); it only keeps the table small.
 */
@Component
class IdempotencyKeyPurge {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

  private final IdempotencyKeys keys;
  private final Clock clock;

  IdempotencyKeyPurge(IdempotencyKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${snack.orders.idempotency-purge-interval:1h}",
      initialDelayString = "${snack.orders.idempotency-purge-interval:1h}")
  Mono<Void> purge() {
    return keys.purge(clock.instant())
        .doOnNext(count -> log.debug("Purged {} expired idempotency keys", count))
        .onErrorResume(
            e -> {
              log.warn("Cannot purge expired idempotency keys (will retry): {}", e.toString());
              return Mono.empty();
            })
        .then();
  }
}
