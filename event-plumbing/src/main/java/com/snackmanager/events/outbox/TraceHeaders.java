package com.snackmanager.events.outbox;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
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
          // WebFlux and the direct routes keep the request's observation in the Reactor context,
          // not in a ThreadLocal: its span is read from it, without opening its scope
          Span span = observedSpan(context.getOrDefault(ObservationThreadLocalAccessor.KEY, null));
          if (span == null) {
            try (ContextSnapshot.Scope scope =
                SNAPSHOTS.setThreadLocalsFrom(context, ObservationThreadLocalAccessor.KEY)) {
              span = tracer.currentSpan();
            }
          }
          if (span == null) {
            return Mono.just(Map.of());
          }
          Map<String, String> headers = new LinkedHashMap<>();
          propagator.inject(span.context(), headers, Map::put);
          return Mono.just(headers);
        });
  }

  private static Span observedSpan(Object observation) {
    if (!(observation instanceof Observation observed)) {
      return null;
    }
    TracingContext tracing = observed.getContextView().get(TracingContext.class);
    return tracing == null ? null : tracing.getSpan();
  }
}
