package com.snackmanager.defaults.idempotency;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes expired {@code Idempotency-Key} records every {@code snack.idempotency.purge-interval},
 * while the application runs. Correctness does not depend on it (an expired key is taken over when
 * it comes again); it only keeps the table small. Started by the context itself, so it works
 * whether or not the service enables {@code @Scheduled}; a failed round is logged and the next one
 * comes on time.
 */
class IdempotencyKeyPurge implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

  private final IdempotentRequests requests;
  private final Duration interval;
  private volatile Disposable running;

  IdempotencyKeyPurge(IdempotentRequests requests, Duration interval) {
    this.requests = requests;
    this.interval = interval;
  }

  @Override
  public void start() {
    running =
        Flux.interval(interval, interval)
            .onBackpressureDrop()
            .concatMap(tick -> purgeOnce(), 1)
            .subscribe();
  }

  private Mono<Long> purgeOnce() {
    return requests
        .purgeExpired()
        .doOnNext(deleted -> log.debug("Purged {} expired idempotency keys", deleted))
        .onErrorResume(
            e -> {
              log.warn("Cannot purge expired idempotency keys (will retry): {}", e.toString());
              return Mono.empty();
            });
  }

  @Override
  public void stop() {
    Disposable current = running;
    if (current != null) {
      current.dispose();
    }
    running = null;
  }

  @Override
  public boolean isRunning() {
    return running != null && !running.isDisposed();
  }
}
