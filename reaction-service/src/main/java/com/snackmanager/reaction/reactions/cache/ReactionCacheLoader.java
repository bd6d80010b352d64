package com.snackmanager.reaction.reactions.cache;

import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.reaction.reactions.domain.Reaction;
import com.snackmanager.reaction.reactions.store.ReactionWriter;
import com.snackmanager.reaction.snack.SnackReadThrough;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Rebuilds a snack's Redis cache from PostgreSQL when it is missing (Redis flushed or restarted, or
 * the cache dropped after a failed write).
 *
 * <p>A rebuild, in one transaction: takes the snack's advisory lock <em>exclusively</em> (so it
 * waits for every batch transaction that holds it shared, i.e. that is writing changes of this
 * snack), raises the snack's {@code cache_epoch}, reads the members' reactions, and installs them
 * in Redis as generation {@code cache_epoch} — only if no generation is cached (another rebuild may
 * have won; then this one rolls back). A change decided in an older generation and not yet written
 * finds a different epoch when its batch checks it, and is decided again: it can be neither lost
 * from the rebuilt cache nor written over it.
 */
@Component
public class ReactionCacheLoader {

  public static final String UNKNOWN_SNACK = "Snack not found.";
  private static final Logger log = LoggerFactory.getLogger(ReactionCacheLoader.class);

  private static final String LOCK_SNACK =
      "SELECT pg_advisory_xact_lock(:namespace, hashtext(:uid))";
  private static final String NEXT_EPOCH =
      "UPDATE snack SET cache_epoch = cache_epoch + 1 WHERE uid = :uid RETURNING cache_epoch";
  private static final String MEMBERS =
      "SELECT member_id, type FROM reaction WHERE snack_uid = :uid AND type IS NOT NULL";

  private final DatabaseClient db;
  private final ReactionCache cache;
  private final TransactionalOperator transactional;
  private final SnackReadThrough readThrough;

  /** Rebuilds running in this process, so concurrent requests of one snack share one. */
  private final Map<String, Mono<Void>> running = new ConcurrentHashMap<>();

  ReactionCacheLoader(
      DatabaseClient db,
      ReactionCache cache,
      ReactiveTransactionManager transactions,
      SnackReadThrough readThrough) {
    this.db = db;
    this.cache = cache;
    this.transactional = TransactionalOperator.create(transactions);
    this.readThrough = readThrough;
  }

  /**
   * Caches the snack unless it is cached already.
   *
   * @return empty when cached; a 404 {@link ApiException} if there is no such snack
   */
  public Mono<Void> load(String snackUid) {
    return running.computeIfAbsent(
        snackUid, uid -> rebuildOrLearn(uid).doFinally(signal -> running.remove(uid)).cache());
  }

  /** {@link #load} if the snack's cache is missing. */
  Mono<Void> ensureCached(String snackUid) {
    return cache.isCached(snackUid).flatMap(cached -> cached ? Mono.empty() : load(snackUid));
  }

  /**
   * A snack this service has not heard of may have been registered a moment ago: the snack-service
   * is asked ({@link SnackReadThrough}) before the request is refused with a 404.
   */
  private Mono<Void> rebuildOrLearn(String uid) {
    return rebuild(uid)
        .onErrorResume(
            UnknownSnack.class,
            unknown ->
                readThrough
                    .learn(uid)
                    .flatMap(learned -> learned ? rebuild(uid) : Mono.error(unknown)))
        .onErrorMap(UnknownSnack.class, unknown -> ApiException.notFound(UNKNOWN_SNACK));
  }

  /** This service's database has no row for the snack. */
  private static final class UnknownSnack extends RuntimeException {
    UnknownSnack() {
      super(UNKNOWN_SNACK, null, false, false);
    }
  }

  private Mono<Void> rebuild(String uid) {
    AtomicLong installed = new AtomicLong(-1);
    Mono<Long> rebuild =
        transactional
            .execute(
                tx ->
                    db.sql(LOCK_SNACK)
                        .bind("namespace", ReactionWriter.LOCK_NAMESPACE)
                        .bind("uid", uid)
                        .then()
                        .then(
                            db.sql(NEXT_EPOCH)
                                .bind("uid", uid)
                                .map(row -> row.get("cache_epoch", Long.class))
                                .one())
                        .switchIfEmpty(Mono.error(UnknownSnack::new))
                        .flatMap(
                            epoch ->
                                install(uid, epoch)
                                    .doOnNext(
                                        done -> {
                                          if (done) {
                                            installed.set(epoch);
                                          } else {
                                            // another rebuild was faster: keep its epoch
                                            tx.setRollbackOnly();
                                          }
                                        })
                                    .thenReturn(epoch)))
            // not next(): cancelling the transaction's publisher would roll it back
            .singleOrEmpty();
    return rebuild
        .doOnNext(
            epoch -> {
              if (installed.get() == epoch) {
                log.debug("Cached snack {} from PostgreSQL as epoch {}", uid, epoch);
              }
            })
        .onErrorResume(
            error -> {
              long epoch = installed.get();
              if (epoch < 0) {
                return Mono.error(error);
              }
              // installed in Redis but not committed: that generation must not be used
              return cache
                  .invalidate(uid, epoch)
                  .onErrorResume(ignored -> Mono.just(false))
                  .then(Mono.error(error));
            })
        .then();
  }

  private Mono<Boolean> install(String uid, long epoch) {
    return db.sql(MEMBERS)
        .bind("uid", uid)
        .map(row -> Map.entry(row.get("member_id", Long.class), row.get("type", String.class)))
        .all()
        .collectList()
        .flatMap(
            rows -> {
              List<Long> likes = new ArrayList<>();
              List<Long> hates = new ArrayList<>();
              rows.forEach(
                  row ->
                      (Reaction.LIKE.name().equals(row.getValue()) ? likes : hates)
                          .add(row.getKey()));
              return cache.install(uid, epoch, likes, hates);
            });
  }
}
