package com.snackmanager.events.consumer;

import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.inbox.InboxProcessor;
import com.snackmanager.events.reactions.ReactionChanges;
import com.snackmanager.events.reactions.ReactionChanges.Change;
import java.util.List;
import java.util.function.Function;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Where a listener gets its consumer (a bean wherever the service has a database): {@link #topic}
 * for a handler table applied an event at a time, {@link #reactionChanges} for {@code
 * snack.reactions.v1} a poll at a time.
 */
public final class EventConsumers {

  private final EventCodec codec;
  private final InboxProcessor inbox;
  private final TransactionalOperator transactional;

  public EventConsumers(
      EventCodec codec, InboxProcessor inbox, ReactiveTransactionManager transactions) {
    this.codec = codec;
    this.inbox = inbox;
    this.transactional = TransactionalOperator.create(transactions);
  }

  /** Starts the handler table of {@code topic}'s consumer. */
  public EventConsumer.Builder topic(String topic) {
    return new EventConsumer.Builder(topic, codec, inbox, transactional);
  }

  /**
   * A batch consumer of {@code snack.reactions.v1} whose {@code update} gets the new changes of a
   * poll (never an empty list), summed or not as it likes ({@link ReactionChanges#sumBySnack}).
   */
  public BatchConsumer<Change> reactionChanges(Function<List<Change>, Mono<Void>> update) {
    return batch(
        Topics.REACTIONS,
        message -> ReactionChanges.read(codec, message),
        Change::envelope,
        update);
  }

  /**
   * A batch consumer of {@code topic}.
   *
   * @param read a record's value as an item; throws {@link
   *     com.snackmanager.events.envelope.MalformedEventException} for one that breaks the contract
   * @param envelopeOf an item's event
   * @param update the update for a poll's new items (never an empty list)
   */
  public <T> BatchConsumer<T> batch(
      String topic,
      Function<String, T> read,
      Function<T, EventEnvelope> envelopeOf,
      Function<List<T>, Mono<Void>> update) {
    return new BatchConsumer<>(topic, read, envelopeOf, inbox, update, fresh -> {});
  }
}
