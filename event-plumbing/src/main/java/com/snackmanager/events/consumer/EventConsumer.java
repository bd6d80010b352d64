package com.snackmanager.events.consumer;

import com.snackmanager.events.envelope.DomainEvent;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.MalformedEventException;
import com.snackmanager.events.inbox.InboxProcessor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * One topic's consumer, an event at a time: decodes the envelope, looks its type up in a handler
 * table, checks its version and payload, and applies the handler's update in one transaction with
 * the event's inbox record (so a redelivered event changes nothing), or, for a consumer whose
 * updates are {@linkplain Builder#latestWins latest-wins}, in a transaction without one. Event
 * types without a handler are recorded and skipped; a newer consumer may know them.
 *
 * <p>An envelope that cannot be read, a known type of another version, or a payload the handler
 * finds breaking the contract throws {@link MalformedEventException}: the failure policy
 * dead-letters it at once. A failing update is retried by the policy (without limit when the cause
 * is transient).
 */
public final class EventConsumer {

  private final String topic;
  private final EventCodec codec;
  private final InboxProcessor inbox;
  private final Map<String, Route<?>> routes;
  private final Function<EventEnvelope, Mono<Void>> forEach;
  private final TransactionalOperator transactional;
  private final boolean latestWins;

  private EventConsumer(Builder builder) {
    this.topic = builder.topic;
    this.codec = builder.codec;
    this.inbox = builder.inbox;
    this.routes = Map.copyOf(builder.routes);
    this.forEach = builder.forEach;
    this.transactional = builder.transactional;
    this.latestWins = builder.latestWins;
  }

  /**
   * Applies one record's event, or does nothing if it was applied before; returns when committed.
   *
   * @throws MalformedEventException if the record breaks the contract
   */
  public void consume(String message) {
    // the listener's trace (a ThreadLocal here) into the Reactor context, for the outbox and logs
    apply(codec.decode(message)).contextCapture().block();
  }

  /**
   * @return whether the event was new (a duplicate changes nothing); a {@link Builder#latestWins}
   *     consumer cannot tell, and answers {@code true}
   * @throws MalformedEventException if the event breaks the contract
   */
  public Mono<Boolean> apply(EventEnvelope envelope) {
    Route<?> route = routes.get(envelope.eventType());
    Mono<Void> update = route == null ? Mono.empty() : route.update(envelope, codec);
    if (latestWins) {
      return transactional.transactional(update.then(forEach.apply(envelope))).thenReturn(true);
    }
    return inbox.processOnce(envelope, topic, event -> update.then(forEach.apply(event)));
  }

  /** The table of handlers of one topic; {@link EventConsumers#topic} starts one. */
  public static final class Builder {

    private final String topic;
    private final EventCodec codec;
    private final InboxProcessor inbox;
    private final Map<String, Route<?>> routes = new HashMap<>();
    private final TransactionalOperator transactional;
    private Function<EventEnvelope, Mono<Void>> forEach = event -> Mono.empty();
    private boolean latestWins;

    Builder(
        String topic, EventCodec codec, InboxProcessor inbox, TransactionalOperator transactional) {
      this.topic = topic;
      this.codec = codec;
      this.inbox = inbox;
      this.transactional = transactional;
    }

    /**
     * Declares that every update of this consumer applies an event only when it is newer than the
     * state it holds (by the event's own time or version; {@code ... WHERE stored_at <= event_at}),
     * so a duplicate or a replay changes nothing: no inbox row is written for its events (one write
     * less per event, and nothing to purge). The update still runs in a transaction of its own. Not
     * for updates that add up (counts, sums): those need the inbox.
     */
    public Builder latestWins() {
      this.latestWins = true;
      return this;
    }

    /**
     * Handles events of {@code type}: its {@code TYPE} and {@code VERSION} constants name the event
     * type and the one version this consumer reads.
     *
     * @throws IllegalArgumentException if the record lacks the constants or the type is handled
     *     already
     */
    public <T extends DomainEvent> Builder on(Class<T> type, EventHandler<T> handler) {
      String eventType = constant(type, "TYPE", String.class);
      int version = constant(type, "VERSION", Integer.class);
      if (routes.putIfAbsent(eventType, new Route<>(type, version, handler)) != null) {
        throw new IllegalArgumentException(eventType + " has a handler already");
      }
      return this;
    }

    /**
     * Also runs {@code work} for every event of the topic (handled, of an unknown type, not for a
     * duplicate), after the handler and in its transaction.
     */
    public Builder forEach(Function<EventEnvelope, Mono<Void>> work) {
      this.forEach = work;
      return this;
    }

    public EventConsumer build() {
      return new EventConsumer(this);
    }

    private static <C> C constant(Class<?> type, String name, Class<C> valueType) {
      try {
        Field field = type.getField(name);
        if (!Modifier.isStatic(field.getModifiers())) {
          throw new IllegalArgumentException(type.getName() + "." + name + " is not static");
        }
        return valueType.cast(field.get(null));
      } catch (NoSuchFieldException | IllegalAccessException | ClassCastException e) {
        throw new IllegalArgumentException(
            type.getName()
                + " has no public constant "
                + name
                + " ("
                + valueType.getSimpleName()
                + ")",
            e);
      }
    }
  }

  private record Route<T>(Class<T> type, int version, EventHandler<T> handler) {

    /** The handler's update, built now so that a payload breaking the contract fails here. */
    Mono<Void> update(EventEnvelope envelope, EventCodec codec) {
      T event = codec.payload(envelope, type, version);
      try {
        return handler.apply(event, envelope);
      } catch (IllegalArgumentException | NullPointerException broken) {
        throw malformed(envelope, broken.getMessage());
      }
    }
  }

  static MalformedEventException malformed(EventEnvelope envelope, String problem) {
    return new MalformedEventException(
        envelope.eventType() + " " + envelope.eventId() + ": " + problem, null);
  }
}
