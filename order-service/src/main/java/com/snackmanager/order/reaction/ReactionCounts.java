package com.snackmanager.order.reaction;

import com.snackmanager.events.reactions.ReactionChanges;
import com.snackmanager.events.reactions.ReactionDelta;
import java.util.List;
import java.util.SortedMap;
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

  /** Adds each snack's delta to its counts (a snack without counts starts at zero). */
  Mono<Void> addAll(SortedMap<String, ReactionDelta> deltas) {
    if (deltas.isEmpty()) {
      return Mono.empty();
    }
    ReactionChanges.Columns columns = ReactionChanges.Columns.of(deltas);
    return db.sql(
            """
            INSERT INTO snack_reaction_count AS c (snack_uid, likes, hates)
            SELECT * FROM unnest(CAST(:uids AS text[]), CAST(:likes AS bigint[]),
                                 CAST(:hates AS bigint[]))
            ON CONFLICT (snack_uid) DO UPDATE SET
              likes = c.likes + EXCLUDED.likes,
              hates = c.hates + EXCLUDED.hates
            """)
        .bind("uids", columns.uids())
        .bind("likes", columns.likes())
        .bind("hates", columns.hates())
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
