package com.snackmanager.snack.idempotency;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code idempotency_key} table. Claims and completions run in the request's transaction. */
@Repository
class IdempotencyKeys {

  /** The request a member first sent with a key, and the response it got (once committed). */
  record Entry(String requestHash, Integer status, String body, String snackUid) {}

  private final DatabaseClient db;

  IdempotencyKeys(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Claims a key for this request: inserts it, or takes over an entry older than {@code
   * retentionSeconds}. A concurrent claim of the same key waits on the primary key until the first
   * transaction ends, then finds the key taken (or, if that one rolled back, claims it itself).
   *
   * @return {@code true} if this request owns the key now
   */
  Mono<Boolean> claim(long memberId, String key, String requestHash, long retentionSeconds) {
    return db.sql(
            "INSERT INTO idempotency_key (member_id, idempotency_key, request_hash)"
                + " VALUES (:member, :key, :hash)"
                + " ON CONFLICT (member_id, idempotency_key) DO UPDATE SET"
                + " request_hash = EXCLUDED.request_hash, response_status = NULL,"
                + " response_body = NULL, snack_uid = NULL, created_at = now()"
                + " WHERE idempotency_key.created_at < now() - :seconds * interval '1 second'")
        .bind("member", memberId)
        .bind("key", key)
        .bind("hash", requestHash)
        .bind("seconds", retentionSeconds)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  /** Records the response of the request that owns the key. */
  Mono<Void> complete(long memberId, String key, StoredResponse response) {
    return db.sql(
            "UPDATE idempotency_key SET response_status = :status, response_body = :body,"
                + " snack_uid = :uid WHERE member_id = :member AND idempotency_key = :key")
        .bind("status", response.status())
        .bind("body", response.body())
        .bind("uid", response.snackUid())
        .bind("member", memberId)
        .bind("key", key)
        .then();
  }

  Mono<Entry> find(long memberId, String key) {
    return db.sql(
            "SELECT request_hash, response_status, response_body, snack_uid FROM idempotency_key"
                + " WHERE member_id = :member AND idempotency_key = :key")
        .bind("member", memberId)
        .bind("key", key)
        .map(
            row ->
                new Entry(
                    row.get("request_hash", String.class),
                    row.get("response_status", Integer.class),
                    row.get("response_body", String.class),
                    row.get("snack_uid", String.class)))
        .one();
  }

  /** Deletes keys older than {@code retentionSeconds}; returns how many. */
  Mono<Long> purge(long retentionSeconds) {
    return db.sql(
            "DELETE FROM idempotency_key WHERE created_at < now() - :seconds * interval '1 second'")
        .bind("seconds", retentionSeconds)
        .fetch()
        .rowsUpdated();
  }
}
