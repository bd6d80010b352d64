package com.snackmanager.events.outbox;

import java.util.Map;
import reactor.core.publisher.Mono;

/** Where the outbox gets the trace context to send along with an event (as Kafka headers). */
@FunctionalInterface
public interface TraceContext {

  TraceContext NONE = () -> Mono.just(Map.of());

  Mono<Map<String, String>> currentHeaders();
}
