package com.snackmanager.gateway.ratelimit;

import com.snackmanager.defaults.security.BearerAuthentication;
import com.snackmanager.defaults.web.Problems;
import com.snackmanager.gateway.routing.ClientAddressHeader;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs after authentication (so a member is known by their token) and before routing. Each request
 * counts against one bucket: sign-in attempts per client IP, a member's requests per member,
 * anything else without a token per client IP. Probes and scrapes on the management port are never
 * limited.
 */
public class RateLimitFilter implements WebFilter, Ordered {

  /** After the authentication ({@link BearerAuthentication#ORDER}), before the handlers. */
  public static final int ORDER = 0;

  private final RedisTokenBucket buckets;
  private final RateLimitProperties limits;
  private final Problems problems;

  public RateLimitFilter(RedisTokenBucket buckets, RateLimitProperties limits, Problems problems) {
    this.buckets = buckets;
    this.limits = limits;
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String path = request.getPath().pathWithinApplication().value();
    if (path.startsWith("/actuator/")) {
      return chain.filter(exchange);
    }
    if (HttpMethod.POST.equals(request.getMethod()) && path.equals("/auth/token")) {
      return limit(
          exchange,
          chain,
          buckets.take("token", ClientAddressHeader.clientIp(request), limits.token()));
    }
    String member = BearerAuthentication.jwt(exchange).map(Jwt::getSubject).orElse(null);
    return member != null
        ? limit(exchange, chain, member(member))
        : limit(
            exchange,
            chain,
            buckets.take("ip", ClientAddressHeader.clientIp(request), limits.anonymous()));
  }

  /** Takes a token from the bucket of the member whose access token names {@code subject}. */
  public Mono<RedisTokenBucket.Decision> member(String subject) {
    return buckets.take("member", subject, limits.member());
  }

  private Mono<Void> limit(
      ServerWebExchange exchange, WebFilterChain chain, Mono<RedisTokenBucket.Decision> take) {
    return take.flatMap(
        decision -> {
          if (decision.allowed()) {
            return chain.filter(exchange);
          }
          return throttled(exchange, problems, decision.retryAfter());
        });
  }

  /** The 429 of every limit: problem+json and {@code Retry-After} in whole seconds (at least 1). */
  static Mono<Void> throttled(ServerWebExchange exchange, Problems problems, Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return problems.write(
        exchange,
        Problems.of(
            HttpStatus.TOO_MANY_REQUESTS,
            "Request was throttled. Expected available in " + seconds + " seconds."));
  }
}
