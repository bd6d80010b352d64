package com.snackmanager.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets kept in Redis, so that every gateway replica counts against the same limit. Taking
 * a token is one script call: refill by elapsed time (Redis' own clock), take one if there is one,
 * otherwise say how long until there is. The bucket's key expires once it would be full again.
 *
 * <p>When Redis cannot be reached the request is allowed: rate limiting must not take the suite
 * down. That is logged once as a warning when it starts and once when Redis answers again.
 */
public class RedisTokenBucket {

  static final String KEY_PREFIX = "snack:rate-limit:";
  private static final Logger log = LoggerFactory.getLogger(RedisTokenBucket.class);

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final RedisScript<List<Long>> TAKE =
      (RedisScript)
          RedisScript.of(
              """
              local rate = tonumber(ARGV[1])
              local burst = tonumber(ARGV[2])
              local clock = redis.call('TIME')
              local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
              local state = redis.call('HMGET', KEYS[1], 'at', 'tokens')
              local tokens = tonumber(state[2])
              if tokens == nil then
                tokens = burst
              else
                tokens = math.min(burst, tokens + math.max(0, now - tonumber(state[1])) * rate)
              end
              local allowed, wait = 0, 0
              if tokens >= 1 then
                tokens = tokens - 1
                allowed = 1
              else
                wait = math.ceil((1 - tokens) / rate)
              end
              redis.call('HSET', KEYS[1], 'at', now, 'tokens', tokens)
              redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
              return {allowed, wait}
              """,
              List.class);

  /** The outcome of one request. */
  public record Decision(boolean allowed, Duration retryAfter) {
    static final Decision ALLOWED = new Decision(true, Duration.ZERO);
  }

  private final ReactiveStringRedisTemplate redis;
  private final AtomicBoolean failing = new AtomicBoolean();

  public RedisTokenBucket(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  /** Takes a token from the bucket {@code name:id}, which follows {@code policy}. */
  public Mono<Decision> take(String name, String id, RateLimitProperties.Policy policy) {
    return redis
        .execute(
            TAKE,
            List.of(KEY_PREFIX + name + ":" + id),
            List.of(Double.toString(policy.permitsPerMilli()), Integer.toString(policy.burst())))
        .next()
        .map(RedisTokenBucket::decision)
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

  private static Decision decision(List<Long> result) {
    return result.get(0) == 1L
        ? Decision.ALLOWED
        : new Decision(false, Duration.ofMillis(result.get(1)));
  }
}
