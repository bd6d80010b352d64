package com.snackmanager.statistics.reaction;

import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.MalformedEventException;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.inbox.InboxProcessor;
import com.snackmanager.events.reactions.ReactionChanged;
import com.snackmanager.statistics.stream.StreamProgress;
import com.snackmanager.statistics.stream.Streams;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Consumes {@code snack.reactions.v1}: adds each change's {@link ReactionDelta} to the snack's
 * counts, once (inbox). The counts inside the event are informational and not used.
 */
@Component
class ReactionListener {

  private static final String ADD =
      """
      INSERT INTO snack AS s (uid, like_count, hate_count) VALUES (:uid, :likes, :hates)
      ON CONFLICT (uid) DO UPDATE SET like_count = s.like_count + EXCLUDED.like_count,
        hate_count = s.hate_count + EXCLUDED.hate_count
      """;

  private record Change(String snackUid, ReactionDelta delta) {}

  private final EventCodec codec;
  private final InboxProcessor inbox;
  private final DatabaseClient db;
  private final StreamProgress progress;

  ReactionListener(
      EventCodec codec, InboxProcessor inbox, DatabaseClient db, StreamProgress progress) {
    this.codec = codec;
    this.inbox = inbox;
    this.db = db;
    this.progress = progress;
  }

  @KafkaListener(
      id = Streams.REACTIONS_LISTENER,
      topics = Topics.REACTIONS,
      groupId = Streams.GROUP)
  void onMessage(ConsumerRecord<String, String> record) {
    EventEnvelope envelope = codec.decode(record.value());
    Change change = change(envelope);
    inbox
        .processOnce(
            envelope,
            record.topic(),
            event -> apply(change).then(progress.record(record.topic(), event)))
        .block();
  }

  private Change change(EventEnvelope envelope) {
    if (!ReactionChanged.TYPE.equals(envelope.eventType())) {
      return null;
    }
    ReactionChanged event = codec.payload(envelope, ReactionChanged.class);
    try {
      if (event.snackUid() == null || event.snackUid().isBlank()) {
        throw new IllegalArgumentException("snack_uid is required");
      }
      return new Change(event.snackUid(), ReactionDelta.between(event.previous(), event.current()));
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException(
          envelope.eventType() + " " + envelope.eventId() + ": " + e.getMessage(), e);
    }
  }

  private Mono<Void> apply(Change change) {
    if (change == null) {
      return Mono.empty();
    }
    // a zero delta still makes the snack known, so it is listed
    return db.sql(ADD)
        .bind("uid", change.snackUid())
        .bind("likes", (long) change.delta().likes())
        .bind("hates", (long) change.delta().hates())
        .then();
  }
}
