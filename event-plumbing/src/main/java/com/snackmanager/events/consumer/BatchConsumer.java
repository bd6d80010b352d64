package com.snackmanager.events.consumer;

import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.inbox.InboxProcessor;
import com.snackmanager.events.kafka.BatchListeners;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

/**
 * One topic's consumer, a poll at a time (for streams that arrive by the thousand a second): reads
 * each record into an item, and applies the poll's new items in one transaction with their inbox
 * records. Failures are handled as {@link BatchListeners} says: only the record that fails is ever
 * dead-lettered. Listeners name {@link BatchListeners#FACTORY} as their container factory.
 *
 * @param <T> what a record is read into; it carries its envelope
 */
public final class BatchConsumer<T> {

  private final String topic;
  private final Function<String, T> read;
  private final Function<T, EventEnvelope> envelopeOf;
  private final InboxProcessor inbox;
  private final Function<List<T>, Mono<Void>> update;
  private final Consumer<List<T>> committed;

  BatchConsumer(
      String topic,
      Function<String, T> read,
      Function<T, EventEnvelope> envelopeOf,
      InboxProcessor inbox,
      Function<List<T>, Mono<Void>> update,
      Consumer<List<T>> committed) {
    this.topic = topic;
    this.read = read;
    this.envelopeOf = envelopeOf;
    this.inbox = inbox;
    this.update = update;
    this.committed = committed;
  }

  /** Applies a poll's records; returns when their new items are committed. */
  public void consume(List<ConsumerRecord<String, String>> records) {
    BatchListeners.process(
        records,
        record -> read.apply(record.value()),
        // the listener's trace (a ThreadLocal here) into the Reactor context
        items -> apply(items).contextCapture().block());
  }

  /**
   * @return the items that were new, once committed (duplicates change nothing)
   */
  public Mono<List<T>> apply(List<T> items) {
    return inbox.processBatchOnce(items, envelopeOf, topic, update).doOnNext(committed);
  }

  /**
   * Also runs {@code action} with the new items of each committed batch (outside its transaction:
   * e.g. dropping a cache the update made stale).
   */
  public BatchConsumer<T> afterCommit(Consumer<List<T>> action) {
    return new BatchConsumer<>(topic, read, envelopeOf, inbox, update, committed.andThen(action));
  }
}
