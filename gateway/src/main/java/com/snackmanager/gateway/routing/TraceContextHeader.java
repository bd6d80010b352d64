package com.snackmanager.gateway.routing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Passes the request's trace on to the service it is routed to: {@code traceparent} (and baggage,
 * which the suite leaves off) of the gateway's own server span, so one trace runs from the gateway
 * through every service and, via the outbox, into the consumers. It replaces Spring Cloud Gateway's
 * client observation ({@code spring.cloud.gateway.server.webflux.observability.enabled=false}),
 * which opened a second span and a timer per proxied request for the same propagation: about 7 % of
 * the gateway's CPU on the reaction path, for a span whose time the service's own server span
 * already shows.
 */
@Component
public class TraceContextHeader implements HttpHeadersFilter, Ordered {

  private final Propagator propagator;

  /** Without tracing (no propagator) nothing is passed on. */
  TraceContextHeader(ObjectProvider<Propagator> propagator) {
    this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
  }

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    Optional<TraceContext> trace = serverSpan(exchange);
    if (trace.isEmpty()) {
      return input;
    }
    HttpHeaders headers = new HttpHeaders();
    input.forEach(headers::addAll);
    // a client's own traceparent was already followed by the server span: replace it with ours
    propagator.fields().forEach(headers::remove);
    propagator.inject(trace.get(), headers, HttpHeaders::set);
    return headers;
  }

  private static Optional<TraceContext> serverSpan(ServerWebExchange exchange) {
    return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
        .map(context -> context.<TracingContext>get(TracingContext.class))
        .map(TracingContext::getSpan)
        .map(Span::context);
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.REQUEST;
  }

  /** After the built-in filters (which drop hop-by-hop and client-sent forwarding headers). */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
