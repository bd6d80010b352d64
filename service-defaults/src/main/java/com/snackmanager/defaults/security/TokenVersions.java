package com.snackmanager.defaults.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What makes an otherwise valid access token unusable: the lowest token version each member's
 * access tokens must carry, and the access tokens signed out one by one.
 *
 * <p>The auth-service raises a member's version when they resign or lose a role, and records a
 * token's {@code jti} when the member signs out with it. Every process keeps a copy of both (small)
 * Redis keys in memory and re-reads them together several times a second, so a request costs a map
 * look-up, not a Redis round trip, and a revoked token stops working everywhere within a second.
 *
 * <p>Redis is not the only copy of the versions: the auth-service's database holds each member's
 * version and the auth-service writes it back to Redis if Redis was flushed. Signed-out tokens are
 * kept in a sorted set scored by their expiry, only until they would expire anyway (at most the
 * access-token lifetime), so the set holds the sign-outs of the last 15 minutes.
 */
public class TokenVersions implements SmartLifecycle {

  public static final String KEY = "snack:security:token-versions";
  public static final String REVOKED_KEY = "snack:security:revoked-tokens";
  private static final Logger log = LoggerFactory.getLogger(TokenVersions.class);

  /** Sets the field only if it raises the version, so concurrent raises never go backwards. */
  private static final RedisScript<Long> RAISE =
      RedisScript.of(
          "local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0') "
              + "if tonumber(ARGV[2]) > current then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) "
              + "return tonumber(ARGV[2]) end return current",
          Long.class);

  /** Records a signed-out token until its expiry and forgets those that have expired. */
  private static final RedisScript<Long> REVOKE =
      RedisScript.of(
          "redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1]) "
              + "return redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])",
          Long.class);

  private final ReactiveStringRedisTemplate redis;
  private final Duration refreshInterval;
  private volatile Map<String, Long> minimumVersions = Map.of();
  // the hash as last read from Redis (the versions above may be higher: they never go down)
  private volatile Map<String, Long> lastRead = Map.of();
  // signed-out access tokens by jti, with their expiry (epoch seconds)
  private volatile Map<String, Long> revokedTokens = Map.of();
  private volatile Instant lastRefresh = Instant.EPOCH;
  private volatile boolean failing;
  private Disposable refresher;

  public TokenVersions(ReactiveStringRedisTemplate redis, Duration refreshInterval) {
    this.redis = redis;
    this.refreshInterval = refreshInterval;
  }

  /** Whether a token of this version may still be used by the member. */
  public boolean isCurrent(String memberId, long tokenVersion) {
    Long minimum = minimumVersions.get(memberId);
    return minimum == null || tokenVersion >= minimum;
  }

  /** Whether the access token with this {@code jti} was signed out. */
  public boolean isRevoked(String tokenId) {
    return revokedTokens.containsKey(tokenId);
  }

  /**
   * Whether Redis held at least {@code version} for the member when last read: what the
   * auth-service's reconciler checks to write back versions a flushed Redis lost.
   */
  public boolean isPublished(String memberId, long version) {
    Long published = lastRead.get(memberId);
    return published != null && published >= version;
  }

  /** When the versions were last read successfully. */
  public Instant lastRefresh() {
    return lastRefresh;
  }

  /**
   * Makes tokens below {@code version} unusable for the member (never lowers a version). Applied to
   * this process at once; to the others on their next refresh.
   */
  public Mono<Void> raise(long memberId, long version) {
    String member = Long.toString(memberId);
    return redis
        .execute(RAISE, List.of(KEY), List.of(member, Long.toString(version)))
        .then(Mono.fromRunnable(() -> remember(member, version)));
  }

  /**
   * Makes the access token with this {@code jti} unusable until {@code expiresAt} (after which its
   * expiry refuses it anyway). Applied to this process at once; to the others on their next
   * refresh.
   */
  public Mono<Void> revoke(String tokenId, Instant expiresAt) {
    long expiry = expiresAt.getEpochSecond();
    return redis
        .execute(
            REVOKE,
            List.of(REVOKED_KEY),
            List.of(tokenId, Long.toString(expiry), Long.toString(Instant.now().getEpochSecond())))
        .then(Mono.fromRunnable(() -> rememberRevoked(Map.of(tokenId, expiry))));
  }

  /** Re-reads every member's version and the signed-out tokens from Redis. */
  public Mono<Void> refresh() {
    Mono<Map<String, Long>> versions =
        redis
            .<String, String>opsForHash()
            .entries(KEY)
            .collectMap(Map.Entry::getKey, e -> Long.parseLong(e.getValue()));
    Mono<Map<String, Long>> revoked =
        redis
            .opsForZSet()
            .rangeByScoreWithScores(
                REVOKED_KEY,
                Range.rightUnbounded(
                    Range.Bound.inclusive((double) Instant.now().getEpochSecond())))
            .collectMap(ZSetOperations.TypedTuple::getValue, tuple -> tuple.getScore().longValue());
    return Mono.zip(versions, revoked)
        .doOnNext(
            read -> {
              merge(read.getT1());
              rememberRevoked(read.getT2());
              lastRefresh = Instant.now();
              if (failing) {
                log.info("Token versions readable again");
                failing = false;
              }
            })
        .then();
  }

  /**
   * Takes what Redis holds, never lowering a version this process knows: a flushed or rolled-back
   * Redis must not make a revoked token usable again (the auth-service writes the versions back
   * from its database).
   */
  private synchronized void merge(Map<String, Long> read) {
    lastRead = Map.copyOf(read);
    Map<String, Long> merged = new HashMap<>(minimumVersions);
    read.forEach((member, version) -> merged.merge(member, version, Math::max));
    minimumVersions = Map.copyOf(merged);
  }

  /**
   * Adds signed-out tokens to those known and drops the expired ones: as with the versions, a
   * flushed Redis does not make a token this process knew to be signed out usable again.
   */
  private synchronized void rememberRevoked(Map<String, Long> read) {
    long now = Instant.now().getEpochSecond();
    Map<String, Long> merged = new HashMap<>(revokedTokens);
    merged.putAll(read);
    merged.values().removeIf(expiry -> expiry < now);
    revokedTokens = Map.copyOf(merged);
  }

  private synchronized void remember(String member, long version) {
    Map<String, Long> copy = new HashMap<>(minimumVersions);
    copy.merge(member, version, Math::max);
    minimumVersions = Map.copyOf(copy);
  }

  @Override
  public void start() {
    refresher =
        Flux.interval(Duration.ZERO, refreshInterval)
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    refresh()
                        .onErrorResume(
                            e -> {
                              if (!failing) {
                                log.warn("Cannot read token versions from Redis: {}", e.toString());
                                failing = true;
                              }
                              return Mono.empty();
                            }))
            .subscribe();
  }

  @Override
  public void stop() {
    if (refresher != null) {
      refresher.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return refresher != null && !refresher.isDisposed();
  }
}
