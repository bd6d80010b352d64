package com.snackmanager.gateway.routing;

import com.snackmanager.defaults.security.BearerAuthentication;
import com.snackmanager.defaults.web.Problems;
import com.snackmanager.defaults.web.RequestIds;
import com.snackmanager.defaults.web.direct.DirectRoute;
import com.snackmanager.defaults.web.direct.ObservedRequest;
import com.snackmanager.gateway.ratelimit.FailedAuthenticationLimit;
import com.snackmanager.gateway.ratelimit.RateLimitFilter;
import com.snackmanager.gateway.ratelimit.RedisTokenBucket;
import com.snackmanager.gateway.security.CorsProperties;
import com.snackmanager.gateway.security.GatewaySecurity;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The gateway's common case served below WebFlux ({@link DirectRoute}): a request with a member's
 * bearer token to a service route goes from Reactor Netty's server straight to its HTTP client —
 * token check, member rate limit, circuit breaker, forwarded headers, trace and metrics as the full
 * path does them, but without WebFlux's exchange, filter chain and Spring Cloud Gateway's handler
 * (about half of the gateway's CPU per request: docs/decisions.md, "Direct routes").
 *
 * <p>Everything else goes the full way (Spring Cloud Gateway behind WebFlux's filters), which stays
 * the one place where the gateway's rules are answered: requests without a bearer token or on open
 * paths, preflights and {@code HEAD}, an origin CORS does not allow, URLs with encoded or control
 * characters, a token that does not verify (the 401 or the failed-authentication 429), a member
 * over their limit (the 429), a route whose breaker is open (the 503), a route with more than a
 * path and a circuit breaker ({@link DirectRoutes}). A request is handed over before anything of it
 * is read or answered, so the full path sees it as it came. What the direct path answers itself is
 * only the proxied response and the 503 of a service that fails the call it started.
 *
 * <p>Behind a trusted ingress ({@code server.forward-headers-strategy=framework}) the client's
 * address is the one its {@code Forwarded} or {@code X-Forwarded-For} header names, as WebFlux's
 * transformer reads it ({@link ClientAddressHeader}); a request with {@code X-Forwarded-Prefix}
 * then goes the full way. Off with {@code snack.gateway.direct-routes.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "snack.gateway.direct-routes.enabled", matchIfMissing = true)
public class DirectProxy extends DirectRoute {
  private static final Set<HttpMethod> METHODS =
      Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  /** Not passed on in either direction: they describe one connection, not the message. */
  private static final Set<String> HOP_BY_HOP =
      caseInsensitive(
          List.of(
              "connection",
              "keep-alive",
              "transfer-encoding",
              "te",
              "trailer",
              "proxy-authorization",
              "proxy-authenticate",
              "x-application-context",
              "upgrade"));

  /** The client's own view of where it sent the request: replaced by the gateway's. */
  private static final Set<String> CLIENT_CLAIMS = caseInsensitive(List.of("host", "forwarded"));

  /** Moves the request's path under a prefix (full path only, with trusted forwarded headers). */
  private static final String FORWARDED_PREFIX = "X-Forwarded-Prefix";

  private static final String X_FORWARDED = "X-Forwarded-";

  private static final String VARY =
      "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

  private final DirectRoutes routes;
  private final Map<String, CircuitBreaker> breakers = new HashMap<>();
  private final Map<String, String> targets = new HashMap<>();
  private final HttpClient client;
  private final ReactiveJwtDecoder decoder;
  private final BearerAuthentication authentication;
  private final RateLimitFilter rateLimit;
  private final FailedAuthenticationLimit failedAuthentication;
  private final CorsConfiguration cors;
  private final String exposedHeaders;
  private final Problems problems;
  private final ObservationRegistry observations;
  private final Propagator propagator;
  private final Set<String> traceFields;
  private final boolean trustForwarded;

  DirectProxy(
      GatewayProperties gateway,
      HttpClient gatewayHttpClient,
      HttpClientProperties clientProperties,
      ReactiveResilience4JCircuitBreakerFactory breakerFactory,
      ReactiveJwtDecoder decoder,
      BearerAuthentication authentication,
      ObjectProvider<RateLimitFilter> rateLimit,
      ObjectProvider<FailedAuthenticationLimit> failedAuthentication,
      CorsProperties cors,
      Problems problems,
      ObservationRegistry observations,
      ObjectProvider<Propagator> propagator,
      @Value("${server.forward-headers-strategy:none}") String forwardHeadersStrategy,
      ApplicationContext context) {
    super(context);
    this.trustForwarded = "framework".equalsIgnoreCase(forwardHeadersStrategy);
    CircuitBreakerRegistry breakerRegistry = breakerFactory.getCircuitBreakerRegistry();
    this.routes = DirectRoutes.of(gateway.getRoutes());
    for (DirectRoutes.Route route : routes.all()) {
      String name = route.breaker();
      breakers.put(
          name,
          breakerRegistry.circuitBreaker(
              name,
              breakerRegistry.getConfiguration(name).orElseGet(breakerRegistry::getDefaultConfig)));
      String base = route.uri().toString();
      targets.put(route.id(), base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }
    this.client =
        clientProperties.getResponseTimeout() == null
            ? gatewayHttpClient
            : gatewayHttpClient.responseTimeout(clientProperties.getResponseTimeout());
    this.decoder = decoder;
    this.authentication = authentication;
    this.rateLimit = rateLimit.getIfAvailable();
    this.failedAuthentication = failedAuthentication.getIfAvailable();
    this.cors = GatewaySecurity.cors(cors);
    this.exposedHeaders = String.join(", ", this.cors.getExposedHeaders());
    this.problems = problems;
    this.observations = observations;
    this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    this.traceFields = caseInsensitive(this.propagator.fields());
  }

  @Override
  protected Mono<Void> serve(HttpServerRequest request, HttpServerResponse response) {
    Candidate candidate = candidate(request);
    if (candidate == null) {
      return null;
    }
    Mono<Jwt> verified;
    try {
      verified = decoder.decode(candidate.token());
    } catch (RuntimeException refused) {
      return fullPath(request, response);
    }
    return verified
        // refused, or the keys could not be fetched: the full path answers (401, 429 or 503)
        .onErrorResume(error -> Mono.empty())
        .flatMap(this::allowed)
        .defaultIfEmpty(false)
        .flatMap(
            allowed -> {
              CircuitBreaker breaker = breakers.get(candidate.route().breaker());
              return allowed && breaker.tryAcquirePermission()
                  ? proxy(candidate, breaker, request, response)
                  : fullPath(request, response);
            });
  }

  /** What the direct path needs of a request it can take, or null to hand it to the full path. */
  private Candidate candidate(HttpServerRequest request) {
    if (!METHODS.contains(request.method())) {
      return null;
    }
    String token = bearerToken(request);
    String origin = request.requestHeaders().get(HttpHeaderNames.ORIGIN);
    Target target = target(request);
    if (token == null
        || target == null
        || (origin != null && cors.checkOrigin(origin) == null)
        || (trustForwarded && request.requestHeaders().contains(FORWARDED_PREFIX))) {
      return null;
    }
    PathContainer path = target.container();
    DirectRoutes.Match match = routes.find(path);
    if (match == null
        || authentication.isOpen(
            org.springframework.http.HttpMethod.valueOf(request.method().name()), path)
        || (failedAuthentication != null && failedAuthentication.refusedRecently(token))) {
      return null;
    }
    return new Candidate(
        match.route(), match.pattern(), target.path(), target.query(), token, origin);
  }

  /** Whether the member the token names may make another request now. */
  private Mono<Boolean> allowed(Jwt jwt) {
    return rateLimit == null
        ? Mono.just(true)
        : rateLimit.member(jwt.getSubject()).map(RedisTokenBucket.Decision::allowed);
  }

  private Mono<Void> proxy(
      Candidate candidate,
      CircuitBreaker breaker,
      HttpServerRequest request,
      HttpServerResponse response) {
    ObservedRequest observed =
        ObservedRequest.start(observations, request, candidate.pattern(), candidate.path());
    Span span = observed.span();
    String requestId = observed.requestId();
    HttpHeaders forwarded = forwardedHeaders(request, span);
    AtomicBoolean settled = new AtomicBoolean();
    long start = System.nanoTime();
    return client
        .request(request.method())
        .uri(targets.get(candidate.route().id()) + candidate.path() + candidate.query())
        .send(
            (outbound, body) -> {
              outbound.headers(forwarded);
              return hasBody(request) ? body.send(request.receive().retain()) : body;
            })
        .response(
            (answer, body) -> {
              if (settled.compareAndSet(false, true)) {
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
              }
              observed.status(answer.status().code());
              HttpHeaders headers = responseHeaders(answer.responseHeaders(), candidate, requestId);
              return response.status(answer.status()).headers(headers).send(body.retain());
            })
        .then()
        .onErrorResume(
            error -> {
              if (!settled.compareAndSet(false, true) || response.hasSentHeaders()) {
                return Mono.error(error);
              }
              breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, error);
              observed.failure(error);
              observed.status(HttpResponseStatus.SERVICE_UNAVAILABLE.code());
              return unavailable(candidate, requestId, error, response);
            })
        .doOnCancel(
            () -> {
              if (settled.compareAndSet(false, true)) {
                breaker.releasePermission();
              }
            })
        .doFinally(signal -> observed.stop());
  }

  /**
   * The client's headers without the hop-by-hop ones, its {@code Host}, its forwarding claims and
   * its trace headers; then the gateway's view of the client ({@link ClientAddressHeader}) and the
   * server span's trace ({@link TraceContextHeader} does both on the full path).
   */
  private HttpHeaders forwardedHeaders(HttpServerRequest request, Span span) {
    HttpHeaders headers = headers();
    for (Map.Entry<String, String> header : request.requestHeaders()) {
      String name = header.getKey();
      if (!HOP_BY_HOP.contains(name)
          && !CLIENT_CLAIMS.contains(name)
          && !name.regionMatches(true, 0, X_FORWARDED, 0, X_FORWARDED.length())
          && !traceFields.contains(name)) {
        headers.add(name, header.getValue());
      }
    }
    headers.set(
        ClientAddressHeader.HEADER,
        ClientAddressHeader.clientIp(
            request.requestHeaders(), request.remoteAddress(), trustForwarded));
    if (span != null) {
      propagator.inject(span.context(), headers, HttpHeaders::set);
    }
    return headers;
  }

  /**
   * The service's headers without the hop-by-hop ones and its own CORS headers ({@link
   * GatewayOwnedResponseHeaders}); the gateway's request id and CORS answer instead.
   */
  private HttpHeaders responseHeaders(HttpHeaders answer, Candidate candidate, String requestId) {
    HttpHeaders headers = headers();
    for (Map.Entry<String, String> header : answer) {
      String name = header.getKey();
      if (!HOP_BY_HOP.contains(name)
          && !GatewayOwnedResponseHeaders.isCors(name)
          && !name.equalsIgnoreCase(RequestIds.HEADER)) {
        headers.add(name, header.getValue());
      }
    }
    gatewayHeaders(headers, candidate, requestId);
    return headers;
  }

  private void gatewayHeaders(HttpHeaders headers, Candidate candidate, String requestId) {
    headers.set(RequestIds.HEADER, requestId);
    headers.add(HttpHeaderNames.VARY, VARY);
    if (candidate.origin() != null) {
      headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, candidate.origin());
      headers.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, exposedHeaders);
    }
  }

  /** The 503 of a service that refused the call or did not answer in time. */
  private Mono<Void> unavailable(
      Candidate candidate, String requestId, Throwable error, HttpServerResponse response) {
    HttpHeaders headers = headers();
    gatewayHeaders(headers, candidate, requestId);
    return sendProblem(
        response,
        problems,
        ServiceUnavailableHandler.problem(candidate.route().service(), error),
        candidate.path(),
        requestId,
        headers);
  }

  private static Set<String> caseInsensitive(Collection<String> names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(names);
    return Collections.unmodifiableSet(set);
  }

  /**
   * A request the direct path takes: its route and the pattern it matched, its path without the
   * trailing slash, its query with the '?' (or empty), its bearer token and origin (or null).
   */
  private record Candidate(
      DirectRoutes.Route route,
      String pattern,
      String path,
      String query,
      String token,
      String origin) {}
}
