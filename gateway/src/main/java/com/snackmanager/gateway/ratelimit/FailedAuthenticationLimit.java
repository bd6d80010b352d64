package com.snackmanager.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.snackmanager.defaults.security.BearerAuthentication;
import com.snackmanager.defaults.web.Problems;
import com.snackmanager.gateway.routing.ClientAddressHeader;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The limit before authentication: requests the gateway refuses for their token (none on a
 * protected path, garbage, a bad signature, expired, an unknown {@code kid}, signed out...) are
 * counted per client address in a Redis token bucket ({@code
 * snack.rate-limit.failed-authentication}, shared by the replicas like every limit here). Once an
 * address has none left, every such request from it is a 429 with {@code Retry-After} instead of a
 * 401, until the bucket refills. Requests whose token verifies are never counted nor refused here,
 * so the rest of an office behind one NAT address keeps working while one of its machines sends bad
 * tokens (and the member limit of {@link RateLimitFilter} still applies to them). The address is
 * the one every per-address limit uses ({@link ClientAddressHeader#clientIp}: the peer, or behind
 * trusted proxies the forwarded one).
 *
 * <p>What it costs. A valid token: nothing but a clock read while no address is blocked (a map
 * look-up of its address while one is) and no Redis call. A refused request takes a token from the
 * bucket (usually from this replica's lease, not Redis). A blocked address is known to this replica
 * until its {@code Retry-After}, so its refusals cost no Redis call either, and a token refused in
 * the last {@link #REMEMBER_REFUSED} is refused again without its signature being checked. A token
 * not seen before still has its signature checked, since it may be a colleague's valid one; that is
 * at most one RSA verification (an unknown {@code kid} fetches the keys at most once per cooldown,
 * see service-defaults' {@code JwksClient}). When Redis does not answer, refused requests are 401s.
 */
public class FailedAuthenticationLimit implements BearerAuthentication.Refusals {

  static final String BUCKET = "failed-authentication";

  /** How long a refused token is remembered, to refuse it again without verifying it. */
  static final Duration REMEMBER_REFUSED = Duration.ofMinutes(1);

  /** The refused tokens remembered at most, in characters (at most a few MB of memory). */
  static final long MAX_REFUSED_CHARACTERS = 4_000_000;

  /** Addresses blocked at once on one replica; more lose their local block (Redis still counts). */
  static final int MAX_BLOCKED_ADDRESSES = 100_000;

  private final RedisTokenBucket buckets;
  private final RateLimitProperties.Policy policy;
  private final Problems problems;
  // address -> System.nanoTime() until which its refused requests are 429s
  private final Cache<String, Long> blocked;
  private final Cache<String, Boolean> refusedTokens =
      Caffeine.newBuilder()
          .maximumWeight(MAX_REFUSED_CHARACTERS)
          .<String, Boolean>weigher((token, refused) -> token.length())
          .expireAfterWrite(REMEMBER_REFUSED)
          .build();
  // the latest end of any block: once past, nobody is blocked and a valid token costs a clock read
  private final AtomicLong lastBlockEnds = new AtomicLong(System.nanoTime());

  public FailedAuthenticationLimit(
      RedisTokenBucket buckets, RateLimitProperties.Policy policy, Problems problems) {
    this.buckets = buckets;
    this.policy = policy;
    this.problems = problems;
    // a block lasts until one request comes back: at most the policy's period
    this.blocked =
        Caffeine.newBuilder()
            .maximumSize(MAX_BLOCKED_ADDRESSES)
            .expireAfterWrite(policy.period())
            .build();
  }

  /** A token refused before, from a blocked address: 429 without checking it again. */
  @Override
  public Mono<Void> beforeCheck(ServerWebExchange exchange, String token) {
    long now = System.nanoTime();
    if (now - lastBlockEnds.get() >= 0) {
      return null;
    }
    long wait = blockedFor(ClientAddressHeader.clientIp(exchange.getRequest()), now);
    if (wait <= 0 || refusedTokens.getIfPresent(token) == null) {
      return null;
    }
    return RateLimitFilter.throttled(exchange, problems, Duration.ofNanos(wait));
  }

  /**
   * Whether {@code token} was refused in the last {@link #REMEMBER_REFUSED}: a request carrying it
   * goes where refusals are answered instead of having its signature checked again.
   */
  public boolean refusedRecently(String token) {
    return refusedTokens.getIfPresent(token) != null;
  }

  /** A 401 while the address has failures left in its bucket, a 429 once it has none. */
  @Override
  public Mono<Void> refused(
      ServerWebExchange exchange, String token, Supplier<Mono<Void>> unauthorized) {
    if (token != null) {
      refusedTokens.put(token, Boolean.TRUE);
    }
    String address = ClientAddressHeader.clientIp(exchange.getRequest());
    long wait = blockedFor(address, System.nanoTime());
    if (wait > 0) {
      return RateLimitFilter.throttled(exchange, problems, Duration.ofNanos(wait));
    }
    return buckets
        .take(BUCKET, address, policy)
        .flatMap(
            decision -> {
              if (decision.allowed()) {
                return unauthorized.get();
              }
              block(address, decision.retryAfter());
              return RateLimitFilter.throttled(exchange, problems, decision.retryAfter());
            });
  }

  /** Nanoseconds until the address's refused requests are counted again (0 or less: now). */
  private long blockedFor(String address, long now) {
    Long until = blocked.getIfPresent(address);
    return until == null ? 0 : until - now;
  }

  private void block(String address, Duration retryAfter) {
    long until = System.nanoTime() + retryAfter.toNanos();
    blocked.asMap().merge(address, until, FailedAuthenticationLimit::later);
    lastBlockEnds.accumulateAndGet(until, FailedAuthenticationLimit::later);
  }

  private static long later(long a, long b) {
    return a - b >= 0 ? a : b;
  }
}
