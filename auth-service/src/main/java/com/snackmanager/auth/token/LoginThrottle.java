package com.snackmanager.auth.token;

import com.snackmanager.auth.member.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Slows down password guessing without letting anyone lock an account's owner out. Only failures
 * count, at three levels (limits in {@link LoginThrottleProperties}):
 *
 * <ul>
 *   <li>one account from one address: a few free failures, then growing delays up to a long cap.
 *       This is the strict level, and it only holds back the address the failures came from;
 *   <li>one account from every address: growing delays with a short cap, applied only to addresses
 *       that have failed for that account themselves. An address with no failures for the account
 *       (its owner's, usually) is let through, so guesses from elsewhere cannot lock the owner out;
 *   <li>one address, failures for any account, in a fixed window: generous, because an office signs
 *       in from one address, and successful sign-ins never count.
 * </ul>
 *
 * <p>Checking and counting are one Redis script: {@link #begin} counts the attempt as a failure of
 * the account (from that address and overall) before the password is checked, and {@link
 * Attempt#succeeded} takes it back. So parallel guesses cannot get more attempts than the budget.
 * The address's failures are counted once the password turned out wrong ({@link Attempt#failed}).
 *
 * <p>Keys hold SHA-256 hashes, never the email or the address, and expire on their own: a few
 * hundred bytes per failing account and address. Unknown emails are counted like known ones, so the
 * throttle reveals nothing. If Redis cannot be reached, sign-ins are not throttled (with a
 * warning): bcrypt still makes guessing slow, and refusing every sign-in would be worse.
 */
@Component
public class LoginThrottle {

  static final String KEY_PREFIX = "snack:auth:login:";
  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  /**
   * KEYS: the account-and-address, the account and the address key. ARGV: both backoffs (free
   * failures, first delay, max delay, forget after; milliseconds) and the address's failure limit.
   * Returns {1, 0} when the attempt may go ahead (and has been counted), else {0, milliseconds to
   * wait}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final RedisScript<List<Long>> BEGIN =
      (RedisScript)
          RedisScript.of(
              """
              local clock = redis.call('TIME')
              local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
              -- milliseconds until the key's next attempt is due, and its failures so far
              local function wait(key, free, first, max)
                local state = redis.call('HMGET', key, 'failures', 'at')
                local failures = tonumber(state[1]) or 0
                if failures < free then
                  return 0, failures
                end
                local delay = math.min(max, first * 2 ^ math.min(failures - free, 40))
                return math.ceil(delay - (now - (tonumber(state[2]) or now))), failures
              end
              local function count(key, forget)
                redis.call('HINCRBY', key, 'failures', 1)
                redis.call('HSET', key, 'at', now)
                redis.call('PEXPIRE', key, forget)
              end
              local address = tonumber(redis.call('GET', KEYS[3]) or '0')
              if address >= tonumber(ARGV[9]) then
                return {0, math.max(1, redis.call('PTTL', KEYS[3]))}
              end
              local pairWait, pairFailures =
                wait(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]))
              if pairWait > 0 then
                return {0, pairWait}
              end
              if pairFailures > 0 then
                local accountWait =
                  wait(KEYS[2], tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]))
                if accountWait > 0 then
                  return {0, accountWait}
                end
              end
              count(KEYS[1], ARGV[4])
              count(KEYS[2], ARGV[8])
              return {1, 0}
              """,
              List.class);

  /**
   * Takes back what {@link #BEGIN} counted. KEYS: the account-and-address and the account key.
   * ARGV[1] = 1 after a successful sign-in: the address starts afresh for that account.
   */
  private static final RedisScript<Long> UNCOUNT =
      RedisScript.of(
          """
          local function uncount(key)
            if redis.call('EXISTS', key) == 1
                and redis.call('HINCRBY', key, 'failures', -1) <= 0 then
              redis.call('DEL', key)
            end
          end
          if ARGV[1] == '1' then
            redis.call('DEL', KEYS[1])
          else
            uncount(KEYS[1])
          end
          uncount(KEYS[2])
          return 0
          """,
          Long.class);

  /** One more failure of an address; its window starts with the first. */
  private static final RedisScript<Long> COUNT_ADDRESS_FAILURE =
      RedisScript.of(
          """
          local failures = redis.call('INCR', KEYS[1])
          if redis.call('PTTL', KEYS[1]) < 0 then
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
          end
          return failures
          """,
          Long.class);

  private final ReactiveStringRedisTemplate redis;
  private final LoginThrottleProperties properties;
  private final List<String> beginArguments;

  public LoginThrottle(ReactiveStringRedisTemplate redis, LoginThrottleProperties properties) {
    this.redis = redis;
    this.properties = properties;
    LoginThrottleProperties.Backoff pair = properties.accountAndAddress();
    LoginThrottleProperties.Backoff account = properties.account();
    this.beginArguments =
        List.of(
            Integer.toString(pair.freeFailures()),
            millis(pair.firstDelay()),
            millis(pair.maxDelay()),
            millis(pair.forgetAfter()),
            Integer.toString(account.freeFailures()),
            millis(account.firstDelay()),
            millis(account.maxDelay()),
            millis(account.forgetAfter()),
            Integer.toString(properties.address().maxFailures()));
  }

  /**
   * Asks to check a password for {@code email} from {@code address}; the attempt counts as a
   * failure until {@link Attempt#succeeded} says otherwise.
   *
   * @return the attempt, or an error {@link TokenService.Throttled} saying how long to wait
   */
  public Mono<Attempt> begin(String email, String address) {
    Attempt attempt = new Attempt(Keys.of(email, address));
    return redis
        .execute(BEGIN, attempt.keys.all(), beginArguments)
        .next()
        .flatMap(
            result ->
                result.get(0) == 1L
                    ? Mono.just(attempt)
                    : Mono.error(new TokenService.Throttled(Duration.ofMillis(result.get(1)))))
        .onErrorResume(
            error -> !(error instanceof TokenService.Throttled),
            error -> unavailable("check", error, attempt))
        .defaultIfEmpty(attempt);
  }

  /** One sign-in attempt that was let through; tell it how it ended. */
  public final class Attempt {

    private final Keys keys;

    private Attempt(Keys keys) {
      this.keys = keys;
    }

    /** The password was right: the address starts afresh for the account. */
    public Mono<Void> succeeded() {
      return uncount("1");
    }

    /** The password was not checked after all (a server fault): nothing counts. */
    public Mono<Void> abandoned() {
      return uncount("0");
    }

    /** The password was wrong (or the account unknown or resigned): the address pays too. */
    public Mono<Void> failed() {
      return redis
          .execute(
              COUNT_ADDRESS_FAILURE,
              List.of(keys.address()),
              List.of(millis(properties.address().window())))
          .then()
          .onErrorResume(error -> unavailable("count", error, null));
    }

    private Mono<Void> uncount(String success) {
      return redis
          .execute(UNCOUNT, List.of(keys.pair(), keys.account()), List.of(success))
          .then()
          .onErrorResume(error -> unavailable("uncount", error, null));
    }
  }

  /**
   * The Redis keys of one attempt: SHA-256 hashes (hex) of the login form of the email and of the
   * address, so each key is short whatever the client sent, and holds no personal data.
   */
  record Keys(String pair, String account, String address) {

    static Keys of(String email, String address) {
      String account = sha256(EmailAddress.loginKey(email));
      return new Keys(
          KEY_PREFIX + "pair:" + sha256(account + address),
          KEY_PREFIX + "account:" + account,
          KEY_PREFIX + "address:" + sha256(address));
    }

    List<String> all() {
      return List.of(pair, account, address);
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private static String millis(Duration duration) {
    return Long.toString(duration.toMillis());
  }

  private static <T> Mono<T> unavailable(String action, Throwable error, T fallback) {
    log.warn("Login throttling cannot {} failures in Redis: {}", action, error.toString());
    return Mono.justOrEmpty(fallback);
  }
}
