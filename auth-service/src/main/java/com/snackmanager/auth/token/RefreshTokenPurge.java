package com.snackmanager.auth.token;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes refresh tokens a day after they expired: an expired token is refused by its own {@code
 * exp}, so its row has nothing left to decide. The day of slack keeps recent history for support.
 */
@Component
class RefreshTokenPurge {

  private static final Logger log = LoggerFactory.getLogger(RefreshTokenPurge.class);
  private static final Duration KEEP_AFTER_EXPIRY = Duration.ofDays(1);

  private final RefreshTokens refreshTokens;

  RefreshTokenPurge(RefreshTokens refreshTokens) {
    this.refreshTokens = refreshTokens;
  }

  @Scheduled(
      fixedDelayString = "${snack.auth.refresh-token-purge-interval:1h}",
      initialDelayString = "${snack.auth.refresh-token-purge-interval:1h}")
  Mono<Void> purge() {
    return refreshTokens
        .purgeExpired(Instant.now().minus(KEEP_AFTER_EXPIRY))
        .doOnNext(count -> log.debug("Purged {} expired refresh tokens", count))
        .onErrorResume(
            e -> {
              log.warn("Cannot purge expired refresh tokens (will retry): {}", e.toString());
              return Mono.empty();
            })
        .then();
  }
}
