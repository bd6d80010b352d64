package com.snackmanager.defaults.web.direct;

import com.snackmanager.defaults.security.BearerAuthentication;
import com.snackmanager.defaults.web.ControlCharacters;
import com.snackmanager.defaults.web.Problems;
import com.snackmanager.defaults.web.RequestIds;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * A process's hottest requests served below WebFlux: Reactor Netty's server hands every request on
 * the API port to {@link #serve}, which answers the ones it takes on Netty's own types and gives
 * back the rest, which go to WebFlux exactly as without this route (the handler the server would
 * have called). WebFlux's exchange, filter chain, handler mapping and codecs are about half of the
 * CPU of a small request (docs/decisions.md, "Direct routes").
 *
 * <p>The rule for a subclass: hand a request over ({@link #fullPath}) before reading any of its
 * body or writing any of its answer, so that WebFlux sees it as it came; answer directly only what
 * it answers exactly as the full path would (the same status, problem document, headers). A request
 * that is not the common case goes the full way: that path stays the one place where the rare
 * answers are made. The management server (probes, metrics) is never served here.
 */
public abstract class DirectRoute
    implements NettyRouteProvider, ApplicationListener<ReactiveWebServerInitializedEvent> {

  private final ApplicationContext context;
  private volatile int apiPort;
  private volatile BiFunction<HttpServerRequest, HttpServerResponse, Mono<Void>> fullPath;
  private final LongAdder requests = new LongAdder();
  private final LongAdder handedOver = new LongAdder();

  protected DirectRoute(ApplicationContext context) {
    this.context = context;
  }

  /**
   * Serves a request on the API port, or returns null to hand it to WebFlux.
   *
   * @return the request's whole answer, which may still hand it over with {@link #fullPath} before
   *     reading or answering anything of it
   */
  protected abstract Mono<Void> serve(HttpServerRequest request, HttpServerResponse response);

  @Override
  public final void onApplicationEvent(ReactiveWebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      apiPort = event.getWebServer().getPort();
    }
  }

  @Override
  public final HttpServerRoutes apply(HttpServerRoutes routes) {
    return routes.route(this::onApiPort, this::handle);
  }

  private boolean onApiPort(HttpServerRequest request) {
    SocketAddress local = request.connectionHostAddress();
    return apiPort > 0
        && local instanceof InetSocketAddress address
        && address.getPort() == apiPort;
  }

  /** How many requests on the API port this route answered itself (not handed to WebFlux). */
  public final long servedDirectly() {
    return requests.sum() - handedOver.sum();
  }

  private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
    requests.increment();
    Mono<Void> served = serve(request, response);
    return served == null ? fullPath(request, response) : served;
  }

  /** WebFlux's handler, as the server would have called it without this route. */
  protected final Mono<Void> fullPath(HttpServerRequest request, HttpServerResponse response) {
    handedOver.increment();
    BiFunction<HttpServerRequest, HttpServerResponse, Mono<Void>> handler = fullPath;
    if (handler == null) {
      handler = new ReactorHttpHandlerAdapter(context.getBean(HttpHandler.class));
      fullPath = handler;
    }
    return handler.apply(request, response);
  }

  /**
   * Where a request goes, as the full path routes it: its path without the trailing slash, its raw
   * query with the '?' (or empty).
   */
  public record Target(String path, String query) {

    public PathContainer container() {
      return PathContainer.parsePath(path);
    }
  }

  /**
   * The request's target, or null when its URL is one the full path normalizes or refuses its own
   * way: not in origin form, anything percent-encoded, matrix parameters, empty or dot segments, or
   * a control character (a 400 there).
   */
  public static Target target(HttpServerRequest request) {
    return target(request.uri());
  }

  /** {@link #target(HttpServerRequest)} of a request-target as sent ({@code /path?query}). */
  static Target target(String uri) {
    int question = uri.indexOf('?');
    String rawPath = question < 0 ? uri : uri.substring(0, question);
    String query = question < 0 ? "" : uri.substring(question);
    if (!rawPath.startsWith("/")
        || rawPath.indexOf('%') >= 0
        || rawPath.indexOf(';') >= 0
        || rawPath.contains("//")
        || rawPath.contains("/.")
        || ControlCharacters.refusedInUrl(rawPath, query)) {
      return null;
    }
    String path =
        rawPath.length() > 1 && rawPath.endsWith("/")
            ? rawPath.substring(0, rawPath.length() - 1)
            : rawPath;
    return new Target(path, query);
  }

  /** The request's bearer token, or null if it has none (or a malformed {@code Authorization}). */
  public static String bearerToken(HttpServerRequest request) {
    return BearerAuthentication.bearerToken(
        request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
  }

  /** Whether the request says it has a body: a non-zero length or a transfer encoding. */
  public static boolean hasBody(HttpServerRequest request) {
    HttpHeaders headers = request.requestHeaders();
    String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
    return (length != null && !"0".equals(length.trim()))
        || headers.contains(HttpHeaderNames.TRANSFER_ENCODING);
  }

  /**
   * Sends {@code body} as the answer, with {@code headers} and the request's id ({@link
   * RequestIds#HEADER}).
   */
  public static Mono<Void> send(
      HttpServerResponse response,
      HttpResponseStatus status,
      String contentType,
      byte[] body,
      String requestId,
      HttpHeaders headers) {
    headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
    headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
    headers.set(RequestIds.HEADER, requestId);
    return response.status(status).headers(headers).sendByteArray(Mono.just(body)).then();
  }

  /** Sends {@code problem} as the full path's problem+json answer for {@code path}. */
  public static Mono<Void> sendProblem(
      HttpServerResponse response,
      Problems problems,
      ProblemDetail problem,
      String path,
      String requestId,
      HttpHeaders headers) {
    return send(
        response,
        HttpResponseStatus.valueOf(problem.getStatus()),
        "application/problem+json",
        problems.body(problem, path, requestId),
        requestId,
        headers);
  }

  /** Headers for {@link #send}: none yet. */
  public static HttpHeaders headers() {
    return new DefaultHttpHeaders();
  }
}
