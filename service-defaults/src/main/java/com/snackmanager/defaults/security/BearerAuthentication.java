package com.snackmanager.defaults.security;

import com.snackmanager.defaults.web.Problems;
import com.snackmanager.defaults.web.SecurityMessages;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Authentication as one filter, for a process whose rules are only "these paths are open, the rest
 * needs a member's access token" (the gateway, the reaction-service): the bearer token goes through
 * the shared {@link ReactiveJwtDecoder} (signature once per token, claims on every request), a
 * valid token's {@link Jwt} is left in the exchange ({@link #jwt}) and handed to
 * {@code @AuthenticationPrincipal Jwt} parameters ({@link #argumentResolver}).
 *
 * <p>It replaces Spring Security's reactive chain there, whose dozen filters, security context in
 * the Reactor context and {@code Mono} per matcher cost more CPU per request than the signature
 * check (see docs/decisions.md). A process using it excludes Spring Security's auto-configurations.
 * Failures are the same problem+json answers as {@link SecurityDefaults}: 401 without a token or
 * with an invalid one, 403 on a path nobody may call from outside, 503 when the keys cannot be
 * fetched. Paths arrive without their trailing slash (service-defaults strips it first). What else
 * happens to refused requests is a {@link Refusals}' choice: the gateway limits them per client
 * address.
 */
public class BearerAuthentication implements WebFilter, Ordered {

  /** Where Spring Security's chain runs. */
  public static final int ORDER = -100;

  private static final String JWT = BearerAuthentication.class.getName() + ".jwt";
  private static final String BEARER = "Bearer ";

  /** A path open to one method, or to every method when {@code method} is null. */
  public record OpenPath(HttpMethod method, PathPattern pattern) {

    public static OpenPath of(HttpMethod method, String pattern) {
      return new OpenPath(method, PathPatternParser.defaultInstance.parse(pattern));
    }

    /** Open to every method. */
    public static OpenPath of(String pattern) {
      return of(null, pattern);
    }

    boolean matches(HttpMethod requestMethod, PathContainer path) {
      return (method == null || method.equals(requestMethod)) && pattern.matches(path);
    }
  }

  /**
   * What a process does with the requests it refuses for their token (none on a protected path, or
   * one that does not verify), beyond answering 401. Asked nothing for a request whose token
   * verifies, except {@link #beforeCheck}, which must cost next to nothing.
   */
  public interface Refusals {

    /** Nothing: every refused request is a 401. */
    Refusals NONE =
        new Refusals() {
          @Override
          public Mono<Void> beforeCheck(ServerWebExchange exchange, String token) {
            return null;
          }

          @Override
          public Mono<Void> refused(
              ServerWebExchange exchange, String token, Supplier<Mono<Void>> unauthorized) {
            return unauthorized.get();
          }
        };

    /**
     * Before a bearer token is checked: an answer that replaces the check (the client is refused
     * without its token being verified again), or null to check it.
     */
    Mono<Void> beforeCheck(ServerWebExchange exchange, String token);

    /**
     * Answers a refused request: {@code unauthorized} writes the 401, or something else is sent.
     *
     * @param token the bearer token that did not verify, or null if the request had none
     */
    Mono<Void> refused(ServerWebExchange exchange, String token, Supplier<Mono<Void>> unauthorized);
  }

  private final ReactiveJwtDecoder decoder;
  private final Problems problems;
  private final List<OpenPath> open;
  private final List<PathPattern> internal;
  private final Refusals refusals;

  /**
   * @param open paths that need no token (a token sent along there is not looked at)
   * @param internal path patterns no request from outside may call (403 with a token)
   */
  public BearerAuthentication(
      ReactiveJwtDecoder decoder, Problems problems, List<OpenPath> open, List<String> internal) {
    this(decoder, problems, open, internal, Refusals.NONE);
  }

  /**
   * @param refusals what else happens to requests refused for their token
   */
  public BearerAuthentication(
      ReactiveJwtDecoder decoder,
      Problems problems,
      List<OpenPath> open,
      List<String> internal,
      Refusals refusals) {
    this.decoder = decoder;
    this.problems = problems;
    this.open = List.copyOf(open);
    this.internal = internal.stream().map(PathPatternParser.defaultInstance::parse).toList();
    this.refusals = refusals;
  }

  /** {@link SecurityDefaults#PUBLIC_PATHS} as open paths: probes, metrics scraping, API docs. */
  public static List<OpenPath> servicePublicPaths() {
    return java.util.Arrays.stream(SecurityDefaults.PUBLIC_PATHS).map(OpenPath::of).toList();
  }

  /** The verified token of this exchange's request, if it carried one. */
  public static Optional<Jwt> jwt(ServerWebExchange exchange) {
    return Optional.ofNullable(exchange.getAttribute(JWT));
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    PathContainer path = request.getPath().pathWithinApplication();
    if (isOpen(request.getMethod(), path)) {
      return chain.filter(exchange);
    }
    String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization == null) {
      return refused(exchange, null, SecurityMessages.NOT_AUTHENTICATED);
    }
    String token = bearerToken(authorization);
    if (token == null) {
      return refused(exchange, null, SecurityMessages.INVALID_TOKEN);
    }
    Mono<Void> instead = refusals.beforeCheck(exchange, token);
    if (instead != null) {
      return instead;
    }
    return decode(token)
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
                    : refused(exchange, token, SecurityMessages.INVALID_TOKEN));
  }

  /**
   * The token of an {@code Authorization} value ({@code Bearer <token>}, the scheme in any case),
   * or null if the value is missing, of another scheme or carries no token.
   */
  public static String bearerToken(String authorization) {
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String token = authorization.substring(BEARER.length()).trim();
    return token.isEmpty() ? null : token;
  }

  /** The decoder's answer, a token it throws out at once included. */
  private Mono<Jwt> decode(String token) {
    try {
      return decoder.decode(token);
    } catch (JwtException refused) {
      return Mono.error(refused);
    }
  }

  /**
   * Whether {@code path} (without its trailing slash) is open to {@code method} without a token.
   */
  public boolean isOpen(HttpMethod method, PathContainer path) {
    for (OpenPath candidate : open) {
      if (candidate.matches(method, path)) {
        return true;
      }
    }
    return false;
  }

  private Mono<Void> authenticated(
      ServerWebExchange exchange, WebFilterChain chain, PathContainer path, Jwt jwt) {
    for (PathPattern pattern : internal) {
      if (pattern.matches(path)) {
        return problems.write(
            exchange, Problems.of(HttpStatus.FORBIDDEN, SecurityMessages.FORBIDDEN));
      }
    }
    exchange.getAttributes().put(JWT, jwt);
    return chain.filter(exchange);
  }

  private Mono<Void> refused(ServerWebExchange exchange, String token, String detail) {
    return refusals.refused(exchange, token, () -> unauthorized(exchange, detail));
  }

  private Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return problems.write(exchange, Problems.of(HttpStatus.UNAUTHORIZED, detail));
  }

  /** Resolves {@code @AuthenticationPrincipal Jwt} handler parameters from the exchange. */
  public static HandlerMethodArgumentResolver argumentResolver() {
    return new HandlerMethodArgumentResolver() {
      @Override
      public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(AuthenticationPrincipal.class)
            && Jwt.class.equals(parameter.getParameterType());
      }

      @Override
      public Mono<Object> resolveArgument(
          MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        return Mono.justOrEmpty(jwt(exchange));
      }
    };
  }
}
