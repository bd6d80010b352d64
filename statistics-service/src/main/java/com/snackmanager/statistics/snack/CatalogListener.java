package com.snackmanager.statistics.snack;

import com.snackmanager.events.catalog.SnackRegistered;
import com.snackmanager.events.catalog.SnackUpdated;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.MalformedEventException;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.inbox.InboxProcessor;
import com.snackmanager.statistics.stream.StreamProgress;
import com.snackmanager.statistics.stream.Streams;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Consumes {@code snack.catalog.v1} for snack names: a registration or an edit names the snack (the
 * latest by its own time wins, so a late redelivery cannot bring back an old name); a retirement
 * changes nothing the statistics show.
 */
@Component
class CatalogListener {

  private static final String NAME =
      """
      INSERT INTO snack AS s (uid, catalog_name, catalog_name_at) VALUES (:uid, :name, :at)
      ON CONFLICT (uid) DO UPDATE SET catalog_name = EXCLUDED.catalog_name,
        catalog_name_at = EXCLUDED.catalog_name_at
      WHERE s.catalog_name_at IS NULL OR s.catalog_name_at <= EXCLUDED.catalog_name_at
      """;

  /** A snack's name as of a moment. */
  record SnackName(String uid, String name, Instant at) {}

  private final EventCodec codec;
  private final InboxProcessor inbox;
  private final DatabaseClient db;
  private final StreamProgress progress;

  CatalogListener(
      EventCodec codec, InboxProcessor inbox, DatabaseClient db, StreamProgress progress) {
    this.codec = codec;
    this.inbox = inbox;
    this.db = db;
    this.progress = progress;
  }

  @KafkaListener(
      id = Streams.CATALOG_LISTENER,
      topics = Topics.CATALOG,
      groupId = "${spring.application.name}")
  void onMessage(ConsumerRecord<String, String> record) {
    EventEnvelope envelope = codec.decode(record.value());
    SnackName name = name(envelope);
    inbox
        .processOnce(
            envelope,
            record.topic(),
            event -> save(name).then(progress.record(record.topic(), event)))
        .block();
  }

  private SnackName name(EventEnvelope envelope) {
    SnackName name =
        switch (envelope.eventType()) {
          case SnackRegistered.TYPE -> {
            SnackRegistered event = codec.payload(envelope, SnackRegistered.class);
            yield new SnackName(event.snackUid(), event.name(), event.registeredAt());
          }
          case SnackUpdated.TYPE -> {
            SnackUpdated event = codec.payload(envelope, SnackUpdated.class);
            yield new SnackName(event.snackUid(), event.name(), event.updatedAt());
          }
          default -> null;
        };
    if (name != null && (blank(name.uid()) || blank(name.name()) || name.at() == null)) {
      throw new MalformedEventException(
          envelope.eventType()
              + " "
              + envelope.eventId()
              + ": snack_uid, name and the event time are required",
          null);
    }
    return name;
  }

  private Mono<Void> save(SnackName name) {
    if (name == null) {
      return Mono.empty();
    }
    return db.sql(NAME)
        .bind("uid", name.uid())
        .bind("name", name.name())
        .bind("at", name.at())
        .then();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
