package com.snackmanager.events.inbox;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes the inbox's event ids older than {@code snack.inbox.retention} every {@code
 * snack.inbox.purge-interval}, a batch per statement, while the application runs: the table holds
 * one row per consumed event and would otherwise grow forever. Started by the context itself; a
 * failed round is logged and the next one comes on time.
 */
public class InboxRetention implements SmartLifecycle {

  private static final String PURGE =
      """
      DELETE FROM inbox WHERE event_id IN (
        SELECT event_id FROM inbox
        WHERE processed_at < now() - CAST(:seconds AS bigint) * interval '1 second'
        LIMIT :batch)
      """;

  private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);

  private final DatabaseClient db;
  private final InboxProperties properties;
  private volatile Disposable running;

  public InboxRetention(DatabaseClient db, InboxProperties properties) {
    this.db = db;
    this.properties = properties;
  }

  /** Deletes every id past the retention, a batch at a time; returns how many. */
  public Mono<Long> purge() {
    return purgeBatch()
        .expand(deleted -> deleted < properties.purgeBatch() ? Mono.empty() : purgeBatch())
        .reduce(0L, Long::sum);
  }

  private Mono<Long> purgeBatch() {
    return db.sql(PURGE)
        .bind("seconds", properties.retention().toSeconds())
        .bind("batch", properties.purgeBatch())
        .fetch()
        .rowsUpdated();
  }

  @Override
  public void start() {
    Duration interval = properties.purgeInterval();
    running =
        Flux.interval(interval, interval)
            .onBackpressureDrop()
            .concatMap(tick -> purgeOnce(), 1)
            .subscribe();
  }

  private Mono<Long> purgeOnce() {
    return purge()
        .doOnNext(deleted -> log.debug("Purged {} inbox rows past their retention", deleted))
        .onErrorResume(
            e -> {
              log.warn("Cannot purge the inbox (will retry): {}", e.toString());
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
