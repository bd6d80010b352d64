package com.snackmanager.statistics.reaction;

import com.snackmanager.events.consumer.BatchConsumer;
import com.snackmanager.events.consumer.EventConsumers;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.kafka.BatchListeners;
import com.snackmanager.events.reactions.ReactionChanges;
import com.snackmanager.events.reactions.ReactionChanges.Change;
import com.snackmanager.events.reactions.ReactionDelta;
import com.snackmanager.statistics.stream.StreamProgress;
import com.snackmanager.statistics.stream.Streams;
import java.util.List;
import java.util.SortedMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Consumes {@code snack.reactions.v1} a poll at a time: the new events of a batch (inbox) are
 * summed per snack and added to the snacks' counts in one statement and one transaction, so the
 * figures keep up with thousands of reactions a second. The counts inside the events are
 * informational and not used.
 */
@Component
class ReactionListener {

  // a zero sum still makes the snack known, so it is listed
  private static final String ADD_ALL =
      """
      INSERT INTO snack AS s (uid, like_count, hate_count)
      SELECT * FROM unnest(CAST(:uids AS text[]), CAST(:likes AS bigint[]), CAST(:hates AS bigint[]))
      ON CONFLICT (uid) DO UPDATE SET like_count = s.like_count + EXCLUDED.like_count,
        hate_count = s.hate_count + EXCLUDED.hate_count
      """;

  private final BatchConsumer<Change> consumer;
  private final DatabaseClient db;
  private final StreamProgress progress;

  ReactionListener(EventConsumers consumers, DatabaseClient db, StreamProgress progress) {
    this.db = db;
    this.progress = progress;
    this.consumer = consumers.reactionChanges(this::apply);
  }

  @KafkaListener(
      id = Streams.REACTIONS_LISTENER,
      topics = Topics.REACTIONS,
      groupId = "${spring.application.name}",
      containerFactory = BatchListeners.FACTORY)
  void onMessages(List<ConsumerRecord<String, String>> records) {
    consumer.consume(records);
  }

  private Mono<Void> apply(List<Change> changes) {
    SortedMap<String, ReactionDelta> sums = ReactionChanges.sumBySnack(changes);
    Mono<Void> add = sums.isEmpty() ? Mono.empty() : add(sums);
    return add.then(
        progress.recordAll(Topics.REACTIONS, changes.stream().map(Change::envelope).toList()));
  }

  private Mono<Void> add(SortedMap<String, ReactionDelta> sums) {
    ReactionChanges.Columns columns = ReactionChanges.Columns.of(sums);
    return db.sql(ADD_ALL)
        .bind("uids", columns.uids())
        .bind("likes", columns.likes())
        .bind("hates", columns.hates())
        .then();
  }
}
