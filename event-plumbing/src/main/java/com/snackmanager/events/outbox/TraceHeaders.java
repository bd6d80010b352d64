package com.snackmanager.events.outbox;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The trace context of the request that appends an event (W3C {@code traceparent}), stored with the
 * outbox row and sent as Kafka headers by the relay, so a consumer's span joins the trace of the
 * HTTP request that caused the event although the relay publishes it later, from its own thread.
 * Without a tracer it adds nothing.
 */
public final class TraceHeaders implements TraceContext {

  private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

  private final Tracer tracer;
  private final Propagator propagator;

  public TraceHeaders(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** The headers of the current trace, read from the Reactor context of the caller. */
  @Override
  public Mono<Map<String, String>> currentHeaders() {
    return Mono.deferContextual(
        context -> {
          // WebFlux keeps the request's observation in the Reactor context, not in a ThreadLocal
          try (ContextSnapshot.Scope scope =
              SNAPSHOTS.setThreadLocalsFrom(context, ObservationThreadLocalAccessor.KEY)) {
            Span span = tracer.currentSpan();
            if (span == null) {
              return Mono.just(Map.of());
            }
            Map<String, String> headers = new LinkedHashMap<>();
            propagator.inject(span.context(), headers, Map::put);
            return Mono.just(headers);
          }
        });
  }
}
