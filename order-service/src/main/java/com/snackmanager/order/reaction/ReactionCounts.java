package com.snackmanager.order.reaction;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code snack_reaction_count} projection: likes and hates per snack. */
@Repository
public class ReactionCounts {

  private final DatabaseClient db;

  public ReactionCounts(DatabaseClient db) {
    this.db = db;
  }

  /** Adds {@code delta} to the snack's counts (a snack without counts starts at zero). */
  Mono<Void> apply(String snackUid, ReactionDelta delta) {
    return db.sql(
            """
            INSERT INTO snack_reaction_count (snack_uid, likes, hates) VALUES (:uid, :likes, :hates)
            ON CONFLICT (snack_uid) DO UPDATE SET
              likes = snack_reaction_count.likes + EXCLUDED.likes,
              hates = snack_reaction_count.hates + EXCLUDED.hates
            """)
        .bind("uid", snackUid)
        .bind("likes", delta.likes())
        .bind("hates", delta.hates())
        .then();
  }

  /**
   * The uids among {@code snackUids} that are hated right now ({@code hates > likes}), in uid
   * order.
   */
  public Mono<List<String>> hatedAmong(List<String> snackUids) {
    return db.sql(
            "SELECT snack_uid FROM snack_reaction_count"
                + " WHERE snack_uid = ANY(:uids) AND hates > likes ORDER BY snack_uid")
        .bind("uids", snackUids.toArray(new String[0]))
        .map(row -> row.get("snack_uid", String.class))
        .all()
        .collectList();
  }
}
