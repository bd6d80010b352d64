package com.snackmanager.defaults.idempotency;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The {@code idempotency_key} table ({@code db/idempotency}). Claims and completions run in the
 * request's transaction.
 */
class IdempotencyKeys {

  /** The request a member first sent with a key, and the response it got (once committed). */
  record Entry(String requestHash, Integer status, String body, String location) {}

  private final DatabaseClient db;

  IdempotencyKeys(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Claims a key for this request: inserts it, or takes over a record created before {@code
   * expiredBefore}. A concurrent claim of the same key waits on the primary key until the first
   * transaction ends, then finds the key taken (or, if that one rolled back, claims it itself).
   *
   * @return {@code true} if this request owns the key now
   */
  Mono<Boolean> claim(
      long memberId, String key, String requestHash, Instant now, Instant expiredBefore) {
    return db.sql(
            "INSERT INTO idempotency_key (member_id, idempotency_key, request_hash, created_at)"
                + " VALUES (:member, :key, :hash, :now)"
                + " ON CONFLICT (member_id, idempotency_key) DO UPDATE SET"
                + " request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,"
                + " response_status = NULL, response_body = NULL, response_location = NULL"
                + " WHERE idempotency_key.created_at < :expired")
        .bind("member", memberId)
        .bind("key", key)
        .bind("hash", requestHash)
        .bind("now", now)
        .bind("expired", expiredBefore)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  /** Records the response of the request that owns the key. */
  Mono<Void> complete(long memberId, String key, StoredResponse response) {
    var update =
        db.sql(
                "UPDATE idempotency_key SET response_status = :status, response_body = :body,"
                    + " response_location = :location"
                    + " WHERE member_id = :member AND idempotency_key = :key")
            .bind("status", response.status())
            .bind("body", response.body())
            .bind("member", memberId)
            .bind("key", key);
    update =
        response.location() == null
            ? update.bindNull("location", String.class)
            : update.bind("location", response.location());
    return update.then();
  }

  Mono<Entry> find(long memberId, String key) {
    return db.sql(
            "SELECT request_hash, response_status, response_body, response_location"
                + " FROM idempotency_key WHERE member_id = :member AND idempotency_key = :key")
        .bind("member", memberId)
        .bind("key", key)
        .map(
            row ->
                new Entry(
                    row.get("request_hash", String.class),
                    row.get("response_status", Integer.class),
                    row.get("response_body", String.class),
                    row.get("response_location", String.class)))
        .one();
  }

  /** Deletes records created before {@code expiredBefore}; returns how many. */
  Mono<Long> purge(Instant expiredBefore) {
    return db.sql("DELETE FROM idempotency_key WHERE created_at < :expired")
        .bind("expired", expiredBefore)
        .fetch()
        .rowsUpdated();
  }
}
