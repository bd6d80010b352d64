package com.snackmanager.reaction.reactions.cache;

import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.reaction.config.ReactionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * At start-up, rebuilds from PostgreSQL the Redis cache of every known snack that is missing it
 * (Redis restarted or flushed while the service was down), in the background, so first requests
 * need not. Requests never depend on it: a snack still missing is rebuilt by its first request.
 */
@Component
class ReactionCacheWarmUp {

  private static final Logger log = LoggerFactory.getLogger(ReactionCacheWarmUp.class);
  private static final int CONCURRENCY = 4;

  private final DatabaseClient db;
  private final ReactionCacheLoader loader;
  private final boolean enabled;

  ReactionCacheWarmUp(
      DatabaseClient db, ReactionCacheLoader loader, ReactionProperties properties) {
    this.db = db;
    this.loader = loader;
    this.enabled = properties.warmUpOnStart();
  }

  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    if (!enabled) {
      return;
    }
    db.sql("SELECT uid FROM snack")
        .map(row -> row.get("uid", String.class))
        .all()
        .flatMap(
            uid ->
                loader
                    .ensureCached(uid)
                    .thenReturn(1)
                    // one snack failing must not stop the others
                    .onErrorResume(
                        error -> {
                          if (!(error instanceof ApiException)) {
                            log.warn("Could not cache snack {}: {}", uid, error.toString());
                          }
                          return Mono.just(0);
                        }),
            CONCURRENCY)
        .count()
        .subscribe(
            snacks -> log.info("Reaction cache checked for {} snacks", snacks),
            error -> log.warn("Reaction cache warm-up failed: {}", error.toString()));
  }
}
