package com.snackmanager.auth.token;

import com.snackmanager.auth.member.EmailAddress;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts failed logins per email in Redis: after {@code max-failures} within {@code window}
 * (counted from the first failure), further attempts are refused until the window ends. A
 * successful login clears the count. Unknown emails are counted like known ones, so throttling
 * reveals nothing.
 *
 * <p>If Redis cannot be reached, logins are not throttled (and a warning is logged): bcrypt still
 * makes guessing slow, and refusing every login would be worse.
 */
@Component
public class LoginThrottle {

  static final String KEY_PREFIX = "snack:auth:login-failures:";
  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  /** INCR, and start the window with the first failure (atomically, so no count lives forever). */
  private static final RedisScript<Long> RECORD_FAILURE =
      RedisScript.of(
          "local count = redis.call('INCR', KEYS[1]) "
              + "if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
              + "return count",
          Long.class);

  private final ReactiveStringRedisTemplate redis;
  private final LoginThrottleProperties properties;

  public LoginThrottle(ReactiveStringRedisTemplate redis, LoginThrottleProperties properties) {
    this.redis = redis;
    this.properties = properties;
  }

  /**
   * @return how long until the email may try again, or empty if it may try now
   */
  public Mono<Duration> blockedFor(String email) {
    String key = key(email);
    return redis
        .opsForValue()
        .get(key)
        .filter(count -> Long.parseLong(count) >= properties.maxFailures())
        .flatMap(
            count ->
                redis
                    .getExpire(key)
                    .filter(ttl -> !ttl.isNegative() && !ttl.isZero())
                    .defaultIfEmpty(properties.window()))
        .onErrorResume(e -> unavailable("check", e));
  }

  public Mono<Void> recordFailure(String email) {
    return redis
        .execute(
            RECORD_FAILURE,
            List.of(key(email)),
            List.of(Long.toString(properties.window().toMillis())))
        .then()
        .onErrorResume(e -> unavailable("count", e));
  }

  public Mono<Void> reset(String email) {
    return redis.delete(key(email)).then().onErrorResume(e -> unavailable("reset", e));
  }

  static String key(String email) {
    return KEY_PREFIX + EmailAddress.loginKey(email);
  }

  private static <T> Mono<T> unavailable(String action, Throwable e) {
    log.warn("Login throttling cannot {} failures in Redis: {}", action, e.toString());
    return Mono.empty();
  }
}
