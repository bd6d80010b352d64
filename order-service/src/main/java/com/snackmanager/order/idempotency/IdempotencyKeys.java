package com.snackmanager.order.idempotency;

import com.snackmanager.defaults.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * {@code Idempotency-Key} records (Stripe semantics), per member: the first request with a key runs
 * and its response is kept for {@link #WINDOW}; the same key with the same request within it gets
 * that response again without running anything; with a different request, a 409.
 *
 * <p>{@link #claim} and {@link #complete} run in the transaction of the request's change. The
 * primary key decides between concurrent requests with one key: the second waits for the first to
 * commit, then replays its response (or, if the first failed and rolled back, runs itself). A
 * request that fails stores nothing, so it may be retried with the same key.
 */
@Repository
public class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  public static final Duration WINDOW = Duration.ofHours(24);
  static final int MAX_LENGTH = 255;
  static final String REUSED =
      "This Idempotency-Key was already used with a different request; use a new key.";
  static final String INVALID_KEY =
      "Idempotency-Key must be 1 to " + MAX_LENGTH + " visible characters.";

  /** What a request with a key should do. */
  public sealed interface Claim {}

  /** Run: the key is new (or its record expired) and is now taken by this request. */
  public record Fresh() implements Claim {}

  /** Do not run: answer with the first request's response. */
  public record Replay(int status, String body) implements Claim {}

  private final DatabaseClient db;

  public IdempotencyKeys(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Checks a header value: trimmed, not blank, at most {@value #MAX_LENGTH} printable ASCII
   * characters.
   *
   * @return the key, or null when there was no header
   * @throws ApiException a 400 for an unusable key
   */
  public static String check(String raw) {
    if (raw == null) {
      return null;
    }
    String key = raw.trim();
    if (key.isEmpty()
        || key.length() > MAX_LENGTH
        || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw ApiException.badRequest(INVALID_KEY);
    }
    return key;
  }

  /** A digest of a request's meaning, to tell "the same request" from "a different one". */
  public static String fingerprint(String canonicalRequest) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Takes the key for this request, or tells how to answer a repeat.
   *
   * @throws ApiException (as the error signal) a 409 if the key was used with another request
   */
  public Mono<Claim> claim(long memberId, String key, String fingerprint, Instant now) {
    Mono<Claim> taken =
        db.sql(
                """
                INSERT INTO idempotency_key (member_id, idempotency_key, request_hash, created_at)
                VALUES (:member, :key, :hash, :now)
                ON CONFLICT (member_id, idempotency_key) DO UPDATE SET
                  request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
                  response_status = NULL, response_body = NULL
                WHERE idempotency_key.created_at < :expired
                RETURNING member_id
                """)
            .bind("member", memberId)
            .bind("key", key)
            .bind("hash", fingerprint)
            .bind("now", now)
            .bind("expired", now.minus(WINDOW))
            .map(row -> (Claim) new Fresh())
            .one();
    return taken.switchIfEmpty(
        Mono.defer(
            () ->
                db.sql(
                        "SELECT request_hash, response_status, response_body FROM idempotency_key"
                            + " WHERE member_id = :member AND idempotency_key = :key")
                    .bind("member", memberId)
                    .bind("key", key)
                    .map(
                        row ->
                            new Stored(
                                row.get("request_hash", String.class),
                                row.get("response_status", Integer.class),
                                row.get("response_body", String.class)))
                    .one()
                    .flatMap(
                        stored ->
                            stored.hash().equals(fingerprint) && stored.status() != null
                                ? Mono.<Claim>just(new Replay(stored.status(), stored.body()))
                                : Mono.error(ApiException.conflict(REUSED)))));
  }

  /** Keeps the response of the request that took the key. */
  public Mono<Void> complete(long memberId, String key, int status, String body) {
    return db.sql(
            "UPDATE idempotency_key SET response_status = :status, response_body = :body"
                + " WHERE member_id = :member AND idempotency_key = :key")
        .bind("status", status)
        .bind("body", body)
        .bind("member", memberId)
        .bind("key", key)
        .then();
  }

  /** Deletes records older than the window; returns how many. */
  public Mono<Long> purge(Instant now) {
    return db.sql("DELETE FROM idempotency_key WHERE created_at < :expired")
        .bind("expired", now.minus(WINDOW))
        .fetch()
        .rowsUpdated();
  }

  private record Stored(String hash, Integer status, String body) {}
}
