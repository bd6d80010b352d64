package com.snackmanager.statistics.snack;

import com.snackmanager.events.catalog.SnackDetails;
import com.snackmanager.events.catalog.SnackRegistered;
import com.snackmanager.events.catalog.SnackUpdated;
import com.snackmanager.events.consumer.EventConsumer;
import com.snackmanager.events.consumer.EventConsumers;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.statistics.stream.StreamProgress;
import com.snackmanager.statistics.stream.Streams;
import java.time.Instant;
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

  private final EventConsumer consumer;

  CatalogListener(EventConsumers consumers, DatabaseClient db, StreamProgress progress) {
    this.consumer =
        consumers
            .topic(Topics.CATALOG)
            .on(SnackRegistered.class, (event, envelope) -> save(db, event, event.registeredAt()))
            .on(SnackUpdated.class, (event, envelope) -> save(db, event, event.updatedAt()))
            .forEach(envelope -> progress.record(Topics.CATALOG, envelope))
            .build();
  }

  @KafkaListener(
      id = Streams.CATALOG_LISTENER,
      topics = Topics.CATALOG,
      groupId = "${spring.application.name}")
  void onMessage(String message) {
    consumer.consume(message);
  }

  private static Mono<Void> save(DatabaseClient db, SnackDetails snack, Instant at) {
    if (blank(snack.snackUid()) || blank(snack.name()) || at == null) {
      throw new IllegalArgumentException("snack_uid, name and the event time are required");
    }
    return db.sql(NAME)
        .bind("uid", snack.snackUid())
        .bind("name", snack.name())
        .bind("at", at)
        .then();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
