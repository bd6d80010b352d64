package com.snackmanager.snack.reaction;

import com.snackmanager.events.consumer.BatchConsumer;
import com.snackmanager.events.consumer.EventConsumers;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.reactions.ReactionChanges;
import com.snackmanager.events.reactions.ReactionChanges.Change;
import com.snackmanager.events.reactions.ReactionDelta;
import com.snackmanager.snack.catalog.ReactionCounts;
import com.snackmanager.snack.catalog.SnackListCache;
import java.util.List;
import java.util.SortedMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Applies reaction events to the snacks' counts, each event once: the ids of a batch are recorded
 * in the inbox in the same transaction as the count changes, and the batch's deltas are summed per
 * snack first and written in one statement (not one per event or per snack). Event types this
 * service does not use are recorded and otherwise ignored.
 */
@Service
public class ReactionProjection {

  private static final Logger log = LoggerFactory.getLogger(ReactionProjection.class);

  private final BatchConsumer<Change> consumer;
  private final ReactionCounts counts;
  private final EventCodec codec;

  public ReactionProjection(
      EventConsumers consumers, ReactionCounts counts, EventCodec codec, SnackListCache lists) {
    this.counts = counts;
    this.codec = codec;
    this.consumer =
        consumers
            .reactionChanges(this::add)
            .afterCommit(
                fresh -> {
                  if (!fresh.isEmpty()) {
                    lists.invalidate(); // counts and ratios changed: pages may be ordered
                    // differently
                  }
                });
  }

  /** Applies a poll of {@code snack.reactions.v1} (see {@link BatchConsumer}). */
  void consume(List<ConsumerRecord<String, String>> records) {
    consumer.consume(records);
  }

  /**
   * @return whether the event was new (a redelivered one changes nothing)
   */
  public Mono<Boolean> apply(EventEnvelope envelope) {
    return Mono.fromCallable(() -> ReactionChanges.of(codec, envelope))
        .flatMap(change -> consumer.apply(List.of(change)))
        .map(fresh -> !fresh.isEmpty());
  }

  private Mono<Void> add(List<Change> changes) {
    SortedMap<String, ReactionDelta> sums = ReactionChanges.sumBySnack(changes);
    sums.values().removeIf(ReactionDelta::isZero);
    return counts
        .addAll(sums)
        .doOnNext(
            pending -> {
              if (!pending.isEmpty()) {
                log.info("Kept the reaction counts of unknown snacks {} pending", pending);
              }
            })
        .then();
  }
}
