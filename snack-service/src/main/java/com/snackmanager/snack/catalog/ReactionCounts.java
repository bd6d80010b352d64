package com.snackmanager.snack.catalog;

import com.snackmanager.events.reactions.ReactionChanges.Columns;
import com.snackmanager.events.reactions.ReactionDelta;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A snack's like and hate counts, changed by deltas from the reaction events (its {@code
 * like_ratio} follows in the same row, computed by PostgreSQL). A delta for a snack uid this
 * service does not know is kept in {@code pending_reaction_count} rather than lost, and folded into
 * the snack if one with that uid is ever registered (a catalog restored from a backup, events
 * replayed into a fresh database). Every method runs inside the caller's transaction.
 */
@Repository
public class ReactionCounts {

  /**
   * First key of the advisory lock that serialises "is the snack there?" between a delta and a
   * registration of one uid; the second key is the uid's hash. Transaction-scoped.
   */
  private static final int LOCK_NAMESPACE = 0x534E4B43; // "SNKC"

  private static final String ADD =
      "UPDATE snack SET like_reaction_count = like_reaction_count + :likes,"
          + " hate_reaction_count = hate_reaction_count + :hates WHERE uid = :uid";

  // one statement for a batch's deltas; the uids it found come back, the others take add()'s slow
  // path
  private static final String ADD_ALL =
      """
      UPDATE snack s SET like_reaction_count = s.like_reaction_count + d.likes,
                         hate_reaction_count = s.hate_reaction_count + d.hates
      FROM unnest(CAST(:uids AS text[]), CAST(:likes AS bigint[]), CAST(:hates AS bigint[]))
           AS d(uid, likes, hates)
      WHERE s.uid = d.uid
      RETURNING s.uid
      """;

  private final DatabaseClient db;

  public ReactionCounts(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Adds a delta to the snack's counts, or to the pending counts of {@code uid} if there is no such
   * snack yet.
   *
   * @return {@code true} if a snack's counts changed, {@code false} if the delta was kept pending
   */
  public Mono<Boolean> add(String uid, long likes, long hates) {
    return addToSnack(uid, likes, hates)
        .flatMap(
            applied ->
                applied
                    ? Mono.just(true)
                    // the slow path: lock the uid so a registration of it cannot slip in between
                    : lock(uid)
                        .then(addToSnack(uid, likes, hates))
                        .flatMap(
                            found ->
                                found
                                    ? Mono.just(true)
                                    : keepPending(uid, likes, hates).thenReturn(false)));
  }

  /**
   * Adds each snack's delta in one statement; a uid with no snack takes {@link #add}'s path (kept
   * pending unless a registration of it has just committed).
   *
   * @param sums deltas by snack uid, in uid order (so concurrent batches lock rows in one order)
   * @return the uids whose deltas were kept pending
   */
  public Mono<List<String>> addAll(SortedMap<String, ReactionDelta> sums) {
    if (sums.isEmpty()) {
      return Mono.just(List.of());
    }
    Columns columns = Columns.of(sums);
    return db.sql(ADD_ALL)
        .bind("uids", columns.uids())
        .bind("likes", columns.likes())
        .bind("hates", columns.hates())
        .map(row -> row.get("uid", String.class))
        .all()
        .collect(Collectors.toSet())
        .flatMapMany(
            found ->
                Flux.fromIterable(sums.entrySet()).filter(sum -> !found.contains(sum.getKey())))
        .concatMap(
            sum ->
                add(sum.getKey(), sum.getValue().likes(), sum.getValue().hates())
                    .filter(applied -> !applied)
                    .map(pending -> sum.getKey()))
        .collectList();
  }

  /**
   * Folds the pending counts of {@code uid} (if any) into its snack, just registered in this
   * transaction.
   *
   * @return whether there were any
   */
  public Mono<Boolean> adoptPending(String uid) {
    return lock(uid)
        .then(
            db.sql(
                    "DELETE FROM pending_reaction_count WHERE snack_uid = :uid"
                        + " RETURNING like_delta, hate_delta")
                .bind("uid", uid)
                .map(
                    row ->
                        new long[] {
                          row.get("like_delta", Long.class), row.get("hate_delta", Long.class)
                        })
                .one())
        .flatMap(delta -> addToSnack(uid, delta[0], delta[1]))
        .defaultIfEmpty(false);
  }

  private Mono<Boolean> addToSnack(String uid, long likes, long hates) {
    return db.sql(ADD)
        .bind("likes", likes)
        .bind("hates", hates)
        .bind("uid", uid)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  private Mono<Void> keepPending(String uid, long likes, long hates) {
    return db.sql(
            "INSERT INTO pending_reaction_count (snack_uid, like_delta, hate_delta)"
                + " VALUES (:uid, :likes, :hates) ON CONFLICT (snack_uid) DO UPDATE SET"
                + " like_delta = pending_reaction_count.like_delta + EXCLUDED.like_delta,"
                + " hate_delta = pending_reaction_count.hate_delta + EXCLUDED.hate_delta,"
                + " last_seen_at = now()")
        .bind("uid", uid)
        .bind("likes", likes)
        .bind("hates", hates)
        .then();
  }

  private Mono<Void> lock(String uid) {
    return db.sql("SELECT pg_advisory_xact_lock(:namespace, hashtext(:uid))")
        .bind("namespace", LOCK_NAMESPACE)
        .bind("uid", uid)
        .then();
  }
}
