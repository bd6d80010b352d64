package com.snackmanager.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets kept in Redis, so that every gateway replica counts against the same limit, taken
 * in small leases so that most requests need no Redis round trip. A script call refills the bucket
 * by elapsed time (Redis' own clock) and takes up to a lease of tokens ({@link
 * RateLimitProperties.Policy#lease()}: a tenth of the burst, 1 to 20); the replica spends them
 * locally, one per request, for at most {@link #LEASE_LIFETIME}. When the bucket is empty the
 * script says how long until a token comes back.
 *
 * <p>Accuracy: a token is always taken from Redis before a request uses it, so the limit is never
 * exceeded across replicas; a lease not spent within its lifetime is lost, so a client can be
 * refused early by at most one lease per replica and lifetime (with one replica and the member
 * policy, 10 of 50 tokens a second). A policy whose burst is below 20 leases one token at a time
 * and is exact.
 *
 * <p>When Redis cannot be reached the request is allowed: rate limiting must not take the suite
 * down. That is logged once as a warning when it starts and once when Redis answers again.
 */
public class RedisTokenBucket {

  /** How long a replica may spend tokens it leased before they are given up. */
  static final Duration LEASE_LIFETIME = Duration.ofSeconds(1);

  /** Buckets of more clients than this on one replica lose their unspent leases first. */
  static final int MAX_LOCAL_LEASES = 100_000;

  static final String KEY_PREFIX = "snack:rate-limit:";
  private static final Logger log = LoggerFactory.getLogger(RedisTokenBucket.class);

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final RedisScript<List<Long>> TAKE =
      (RedisScript)
          RedisScript.of(
              """
              local rate = tonumber(ARGV[1])
              local burst = tonumber(ARGV[2])
              local want = tonumber(ARGV[3])
              local clock = redis.call('TIME')
              local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
              local state = redis.call('HMGET', KEYS[1], 'at', 'tokens')
              local tokens = tonumber(state[2])
              if tokens == nil then
                tokens = burst
              else
                tokens = math.min(burst, tokens + math.max(0, now - tonumber(state[1])) * rate)
              end
              local granted, wait = math.min(want, math.floor(tokens)), 0
              if granted >= 1 then
                tokens = tokens - granted
              else
                granted = 0
                wait = math.ceil((1 - tokens) / rate)
              end
              redis.call('HSET', KEYS[1], 'at', now, 'tokens', tokens)
              redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
              return {granted, wait}
              """,
              List.class);

  /** The outcome of one request. */
  public record Decision(boolean allowed, Duration retryAfter) {
    static final Decision ALLOWED = new Decision(true, Duration.ZERO);
  }

  private static final Mono<Decision> ALLOWED = Mono.just(Decision.ALLOWED);

  /** Tokens this replica leased from one bucket and has not spent yet. */
  private static final class Lease {
    private long tokens;
    private long expiresAt;

    /** Spends one leased token, if one is left and the lease is still valid. */
    synchronized boolean spend(long now) {
      if (tokens > 0 && now - expiresAt < 0) {
        tokens--;
        return true;
      }
      return false;
    }

    /** Adds what Redis granted, one of which the current request uses. */
    synchronized void add(long granted, long now) {
      tokens = (now - expiresAt < 0 ? tokens : 0) + granted - 1;
      expiresAt = now + LEASE_LIFETIME.toNanos();
    }
  }

  private final ReactiveStringRedisTemplate redis;
  private final AtomicBoolean failing = new AtomicBoolean();
  private final Cache<String, Lease> leases =
      Caffeine.newBuilder()
          .maximumSize(MAX_LOCAL_LEASES)
          .expireAfterAccess(LEASE_LIFETIME.multipliedBy(2))
          .build();

  public RedisTokenBucket(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  /** Takes a token from the bucket {@code name:id}, which follows {@code policy}. */
  public Mono<Decision> take(String name, String id, RateLimitProperties.Policy policy) {
    String key = KEY_PREFIX + name + ":" + id;
    Lease lease = leases.get(key, k -> new Lease());
    if (lease.spend(System.nanoTime())) {
      return ALLOWED;
    }
    return redis
        .execute(
            TAKE,
            List.of(key),
            List.of(
                Double.toString(policy.permitsPerMilli()),
                Integer.toString(policy.burst()),
                Integer.toString(policy.lease())))
        .next()
        .map(result -> decision(result, lease))
        .doOnNext(
            ok -> {
              if (failing.compareAndSet(true, false)) {
                log.info("Rate limiting works again");
              }
            })
        .onErrorResume(
            error -> {
              if (failing.compareAndSet(false, true)) {
                log.warn("Rate limiting is off, Redis does not answer: {}", error.toString());
              }
              return Mono.just(Decision.ALLOWED);
            })
        .defaultIfEmpty(Decision.ALLOWED);
  }

  private static Decision decision(List<Long> result, Lease lease) {
    long granted = result.get(0);
    if (granted < 1) {
      return new Decision(false, Duration.ofMillis(result.get(1)));
    }
    lease.add(granted, System.nanoTime());
    return Decision.ALLOWED;
  }
}
