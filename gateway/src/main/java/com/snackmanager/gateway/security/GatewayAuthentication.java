package com.snackmanager.gateway.security;

import com.snackmanager.defaults.web.Problems;
import com.snackmanager.defaults.web.SecurityMessages;
import com.snackmanager.gateway.routing.ServiceUnavailableHandler;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The gateway's whole authentication, as one filter: every routed request needs a valid access
 * token, except the few public paths below. Only authentication happens here; who may do what
 * (admin rules) stays with the services, which check the token again.
 *
 * <p>One filter instead of Spring Security's reactive chain (a dozen filters, a security context in
 * the Reactor context, matchers that return a {@code Mono} each): the gateway needs none of what
 * that chain offers beyond the bearer check, and the chain cost about 12 % of its CPU per request
 * (see docs/decisions.md, "The gateway's authentication"). The token check itself is the services'
 * ({@code ReactiveJwtDecoder} from service-defaults: JWKS keys, a verified-token cache, expiry,
 * issuer, type and token version on every request).
 *
 * <p>A verified member's id is left in the exchange attribute {@link #MEMBER} for the rate limiter.
 * Paths reach this filter without their trailing slash (service-defaults strips it first).
 */
public class GatewayAuthentication implements WebFilter, Ordered {

  /** Where Spring Security's chain ran; after CORS, before the rate limiter. */
  public static final int ORDER = -100;

  /** The exchange attribute holding the authenticated member's id ({@code sub}). */
  public static final String MEMBER = GatewayAuthentication.class.getName() + ".member";

  private static final String BEARER = "Bearer ";

  private final ReactiveJwtDecoder decoder;
  private final Problems problems;

  public GatewayAuthentication(ReactiveJwtDecoder decoder, Problems problems) {
    this.decoder = decoder;
    this.problems = problems;
  }

  /** A path open to one method (or to every method when {@code method} is null). */
  record PublicPath(HttpMethod method, PathPattern pattern) {
    boolean matches(HttpMethod requestMethod, PathContainer path) {
      return (method == null || method.equals(requestMethod)) && pattern.matches(path);
    }
  }

  /**
   * Open without a token: sign-up and sign-in, the public keys, images (GET and HEAD), docs, probes
   * and the metrics Prometheus scrapes (the Ingress exposes only the API paths). A token sent along
   * on these paths is not looked at: a frontend attaches its (maybe stale) token to every call,
   * including the refresh that replaces it, and the service decides for itself.
   */
  static final List<PublicPath> PUBLIC =
      List.of(
          open(HttpMethod.POST, "/auth/sign-up"),
          open(HttpMethod.POST, "/auth/token"),
          open(HttpMethod.POST, "/auth/token/refresh"),
          open(HttpMethod.GET, "/auth/jwks"),
          open(HttpMethod.HEAD, "/auth/jwks"),
          open(HttpMethod.GET, "/snacks/*/image"),
          open(HttpMethod.HEAD, "/snacks/*/image"),
          open(null, "/api/schema"),
          open(null, "/api/schema/**"),
          open(null, "/actuator/health"),
          open(null, "/actuator/health/**"),
          open(null, "/actuator/prometheus"));

  /** The internal fallback the circuit breakers forward to; never callable from outside. */
  private static final PathPattern INTERNAL =
      PathPatternParser.defaultInstance.parse(ServiceUnavailableHandler.PATH + "/**");

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    PathContainer path = request.getPath().pathWithinApplication();
    if (isPublic(request.getMethod(), path)) {
      return chain.filter(exchange);
    }
    String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization == null) {
      return unauthorized(exchange, SecurityMessages.NOT_AUTHENTICATED);
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || authorization.length() == BEARER.length()) {
      return unauthorized(exchange, SecurityMessages.INVALID_TOKEN);
    }
    return decoder
        .decode(authorization.substring(BEARER.length()).trim())
        .map(Optional::of)
        .onErrorResume(BadJwtException.class, refused -> Mono.just(Optional.empty()))
        // any other token error means the keys could not be fetched: ProblemMapper answers 503
        .onErrorMap(
            JwtException.class,
            error -> new AuthenticationServiceException(error.getMessage(), error))
        .flatMap(
            jwt ->
                jwt.isPresent()
                    ? authenticated(exchange, chain, path, jwt.get())
                    : unauthorized(exchange, SecurityMessages.INVALID_TOKEN));
  }

  static boolean isPublic(HttpMethod method, PathContainer path) {
    for (PublicPath open : PUBLIC) {
      if (open.matches(method, path)) {
        return true;
      }
    }
    return false;
  }

  private Mono<Void> authenticated(
      ServerWebExchange exchange, WebFilterChain chain, PathContainer path, Jwt jwt) {
    if (INTERNAL.matches(path)) {
      return problems.write(
          exchange, Problems.of(HttpStatus.FORBIDDEN, SecurityMessages.FORBIDDEN));
    }
    exchange.getAttributes().put(MEMBER, jwt.getSubject());
    return chain.filter(exchange);
  }

  private Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return problems.write(exchange, Problems.of(HttpStatus.UNAUTHORIZED, detail));
  }

  private static PublicPath open(HttpMethod method, String pattern) {
    return new PublicPath(method, PathPatternParser.defaultInstance.parse(pattern));
  }
}
