package com.snackmanager.reaction.snack;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The {@code snack} table: uid and status of every snack the catalog announced. */
@Component
class KnownSnacks {

  static final String RETIRED = "RETIRED";

  // an event older than the one applied last changes nothing (replays, re-published events); an
  // event without a status keeps the stored one
  private static final String UPSERT =
      """
      INSERT INTO snack (uid, status, catalog_at)
      VALUES (:uid, COALESCE(CAST(:status AS text), 'ACTIVE'), :at)
      ON CONFLICT (uid) DO UPDATE
      SET status = COALESCE(CAST(:status AS text), snack.status), catalog_at = excluded.catalog_at
      WHERE snack.catalog_at <= excluded.catalog_at
      """;

  private final DatabaseClient db;

  KnownSnacks(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Records the snack (if new) with {@code status} as of {@code at}.
   *
   * @param status null or blank: unchanged (ACTIVE for a new snack)
   */
  Mono<Void> upsert(String uid, String status, Instant at) {
    var spec = db.sql(UPSERT).bind("uid", uid).bind("at", at);
    spec =
        status == null || status.isBlank()
            ? spec.bindNull("status", String.class)
            : spec.bind("status", status);
    return spec.then();
  }
}
