package com.snackmanager.events.consumer;

import com.snackmanager.events.envelope.EventEnvelope;
import reactor.core.publisher.Mono;

/**
 * What a consumer does with one event type: checks the payload (throwing {@link
 * com.snackmanager.events.envelope.MalformedEventException} or {@link IllegalArgumentException}
 * when it breaks the contract) and returns the update, which runs in the transaction that records
 * the event as processed. The handler is called before that transaction starts: it must only build
 * the update (as R2DBC statements do), not run it.
 *
 * @param <T> the event record
 */
@FunctionalInterface
public interface EventHandler<T> {

  Mono<Void> apply(T event, EventEnvelope envelope);
}
