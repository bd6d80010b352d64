package com.snackmanager.defaults.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import java.util.Optional;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The id that ties a request's response to its log lines: the W3C trace id when the request is
 * traced (the same id in every service the request reaches, since the gateway passes the trace on,
 * and in every log line as {@code traceId}), else the server's own request id. Every response
 * carries it as {@value #HEADER}; every problem document as {@code request_id}.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";

  private RequestIds() {}

  /** The id of the exchange's request. */
  public static String of(ServerWebExchange exchange) {
    return traceId(exchange).orElseGet(() -> exchange.getRequest().getId());
  }

  private static Optional<String> traceId(ServerWebExchange exchange) {
    return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
        .map(context -> context.<TracingContext>get(TracingContext.class))
        .map(TracingContext::getSpan)
        .map(Span::context)
        .map(context -> context.traceId())
        .filter(id -> !id.isBlank());
  }

  /**
   * Sets {@value #HEADER} on every response, replacing one a proxied service already sent (the
   * gateway's and the service's ids are the same trace id).
   */
  public static WebFilter filter() {
    return (exchange, chain) -> {
      exchange
          .getResponse()
          .beforeCommit(
              () -> {
                exchange.getResponse().getHeaders().set(HEADER, of(exchange));
                return Mono.empty();
              });
      return chain.filter(exchange);
    };
  }
}
