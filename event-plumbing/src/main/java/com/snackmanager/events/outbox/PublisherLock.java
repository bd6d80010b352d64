package com.snackmanager.events.outbox;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which replica of a service publishes its outbox: the one holding a session-level advisory lock
 * (keyed by the service's own {@code outbox} table) on a connection it keeps for that alone,
 * outside any transaction. The lock lives as long as the connection: closing it, or losing it,
 * frees the lock for another replica.
 */
final class PublisherLock {

  private static final String TRY_LOCK =
      "SELECT pg_try_advisory_lock($1 + 'outbox'::regclass::oid::bigint)";
  private static final String STILL_CONNECTED = "SELECT true";
  // a pooled connection outlives its close(): the lock must be let go of explicitly
  private static final String UNLOCK = "SELECT pg_advisory_unlock_all() IS NULL";

  private static final Logger log = LoggerFactory.getLogger(PublisherLock.class);

  private final ConnectionFactory connections;
  // the connection holding the lock, or null; the relay's thread takes it, stop() may release it
  private final AtomicReference<Connection> holder = new AtomicReference<>();

  PublisherLock(ConnectionFactory connections) {
    this.connections = connections;
  }

  /**
   * Whether this relay holds the lock now: checks that its connection is still there, or tries to
   * take the lock on a new one.
   */
  Mono<Boolean> hold() {
    Connection held = holder.get();
    if (held != null) {
      return query(held, STILL_CONNECTED, null)
          .onErrorResume(
              lost -> {
                log.warn("Outbox relay lost its lock connection; another replica may publish now");
                release(held);
                return Mono.error(lost);
              });
    }
    return Mono.usingWhen(
            Mono.from(connections.create()),
            connection ->
                query(connection, TRY_LOCK, OutboxRelay.LOCK_NAMESPACE)
                    .doOnNext(
                        locked -> {
                          if (locked && holder.compareAndSet(null, connection)) {
                            log.info("Outbox relay took the publishing lock");
                          }
                        }),
            // a connection that did not get the lock goes back to the pool now
            connection -> holder.get() == connection ? Mono.empty() : close(connection))
        .map(locked -> locked && holder.get() != null);
  }

  /** Frees the lock, if held, and gives its connection back. */
  void release() {
    Connection held = holder.get();
    if (held != null) {
      release(held);
    }
  }

  private void release(Connection held) {
    if (holder.compareAndSet(held, null)) {
      query(held, UNLOCK, null)
          .then(close(held))
          .onErrorResume(lost -> close(held).onErrorResume(e -> Mono.empty()))
          .block();
    }
  }

  private static Mono<Void> close(Connection connection) {
    return Mono.from(connection.close());
  }

  private static Mono<Boolean> query(Connection connection, String sql, Long key) {
    var statement = connection.createStatement(sql);
    if (key != null) {
      statement.bind("$1", key);
    }
    return Flux.from(statement.execute())
        .flatMap(result -> result.map((row, meta) -> row.get(0, Boolean.class)))
        .next();
  }
}
