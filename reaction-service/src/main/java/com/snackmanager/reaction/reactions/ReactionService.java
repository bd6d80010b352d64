package com.snackmanager.reaction.reactions;

import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.reaction.config.ReactionProperties;
import com.snackmanager.reaction.reactions.cache.ReactionCache;
import com.snackmanager.reaction.reactions.cache.ReactionCache.Decision;
import com.snackmanager.reaction.reactions.cache.ReactionCache.Snapshot;
import com.snackmanager.reaction.reactions.cache.ReactionCacheLoader;
import com.snackmanager.reaction.reactions.domain.Reaction;
import com.snackmanager.reaction.reactions.store.ReactionChange;
import com.snackmanager.reaction.reactions.store.ReactionWriter;
import com.snackmanager.reaction.reactions.store.ReactionWriter.Outcome;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A member's reactions: decided in Redis (one atomic script), made durable in PostgreSQL before the
 * answer, with Redis rebuilt from PostgreSQL whenever a snack is not cached.
 */
@Service
class ReactionService {

  static final String SAME_REACTION = "Cannot add same reaction.";
  static final String NO_REACTION = "You have no reaction to this snack.";
  static final String UNAVAILABLE = "Reactions are temporarily unavailable; try again shortly.";

  /**
   * Snack uids are short opaque tokens; anything else cannot be a snack (and never reaches Redis).
   */
  private static final Pattern SNACK_UID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private static final Logger log = LoggerFactory.getLogger(ReactionService.class);

  private final ReactionCache cache;
  private final ReactionCacheLoader loader;
  private final ReactionWriter writer;
  private final ReactionMetrics metrics;
  private final int maxAttempts;
  private final Clock clock;

  ReactionService(
      ReactionCache cache,
      ReactionCacheLoader loader,
      ReactionWriter writer,
      ReactionMetrics metrics,
      ReactionProperties properties) {
    this.cache = cache;
    this.loader = loader;
    this.writer = writer;
    this.metrics = metrics;
    this.maxAttempts = properties.maxAttempts();
    this.clock = Clock.systemUTC();
  }

  /** Sets or switches the member's reaction; 400 if the member holds {@code target} already. */
  Mono<ReactionResponse> react(String snackUid, long memberId, Reaction target) {
    return change(snackUid, memberId, target)
        .map(decision -> ReactionResponse.of(snackUid, target, decision.counts()));
  }

  /** Withdraws the member's reaction; 404 if there is none. */
  Mono<ReactionResponse> withdraw(String snackUid, long memberId) {
    return change(snackUid, memberId, null)
        .map(decision -> ReactionResponse.of(snackUid, null, decision.counts()));
  }

  Mono<MyReactionResponse> mine(String snackUid, long memberId) {
    return Mono.defer(
        () -> {
          requireSnackUid(snackUid);
          return read(snackUid, memberId, 1)
              .map(snapshot -> MyReactionResponse.of(snapshot.mine(), snapshot.counts()))
              .onErrorMap(ReactionService::unavailable);
        });
  }

  /**
   * Runs the change to completion even if the client goes away: once Redis has decided, the
   * decision must be written (or the cache dropped), whatever happens to the request. The detached
   * run keeps the request's context, so its event carries the request's trace.
   */
  private Mono<Decision> change(String snackUid, long memberId, Reaction target) {
    return Mono.deferContextual(
        request -> {
          requireSnackUid(snackUid);
          return Mono.fromFuture(
              decide(snackUid, memberId, target, 1)
                  .onErrorMap(ReactionService::unavailable)
                  .contextWrite(request)
                  .toFuture(),
              true);
        });
  }

  private Mono<Decision> decide(String snackUid, long memberId, Reaction target, int attempt) {
    if (attempt > maxAttempts) {
      return Mono.error(
          new IllegalStateException(
              "Snack " + snackUid + " could not be decided in " + maxAttempts + " attempts"));
    }
    return cache
        .react(snackUid, memberId, target)
        .flatMap(
            decision ->
                switch (decision.status()) {
                  case NOT_CACHED ->
                      loader
                          .load(snackUid)
                          .then(Mono.defer(() -> decide(snackUid, memberId, target, attempt + 1)));
                  case UNCHANGED ->
                      Mono.error(
                          target == null
                              ? ApiException.notFound(NO_REACTION)
                              : ApiException.badRequest(SAME_REACTION));
                  case CHANGED -> write(snackUid, memberId, target, decision, attempt);
                });
  }

  private Mono<Decision> write(
      String snackUid, long memberId, Reaction target, Decision decision, int attempt) {
    long epoch = decision.position().epoch();
    ReactionChange change =
        new ReactionChange(
            snackUid,
            memberId,
            decision.previous(),
            target,
            decision.position(),
            decision.counts(),
            clock.instant(),
            Map.of());
    return writer
        .write(change)
        .onErrorResume(
            failure -> {
              // Redis holds a change PostgreSQL does not: drop the cache so that it is rebuilt
              log.warn("Could not write reaction to snack {}: {}", snackUid, failure.toString());
              return cache
                  .invalidate(snackUid, epoch)
                  .onErrorResume(
                      e -> {
                        log.error(
                            "Could not drop the Redis cache of snack {} after a failed write",
                            snackUid,
                            e);
                        return Mono.just(false);
                      })
                  .then(Mono.error(failure));
            })
        .flatMap(
            outcome ->
                outcome == Outcome.WRITTEN
                    ? Mono.just(decision)
                        .doOnNext(written -> metrics.committed(written.previous(), target))
                    // decided on a replaced generation: drop it if still cached (a rebuild whose
                    // commit failed), then decide again on the current one
                    : cache
                        .invalidate(snackUid, epoch)
                        .then(Mono.defer(() -> decide(snackUid, memberId, target, attempt + 1))));
  }

  private Mono<Snapshot> read(String snackUid, long memberId, int attempt) {
    if (attempt > maxAttempts) {
      return Mono.error(
          new IllegalStateException(
              "Snack " + snackUid + " could not be read in " + maxAttempts + " attempts"));
    }
    return cache
        .read(snackUid, memberId)
        .flatMap(
            snapshot ->
                snapshot.cached()
                    ? Mono.just(snapshot)
                    : loader
                        .load(snackUid)
                        .then(Mono.defer(() -> read(snackUid, memberId, attempt + 1))));
  }

  private static void requireSnackUid(String snackUid) {
    if (snackUid == null || !SNACK_UID.matcher(snackUid).matches()) {
      throw ApiException.notFound(ReactionCacheLoader.UNKNOWN_SNACK);
    }
  }

  /** Client errors pass; anything else (Redis or PostgreSQL down, timeouts) is a 503. */
  private static Throwable unavailable(Throwable error) {
    if (error instanceof ApiException) {
      return error;
    }
    log.warn("Reaction request failed: {}", error.toString());
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
  }
}
