package com.snackmanager.reaction.snack;

import com.snackmanager.events.catalog.SnackRegistered;
import com.snackmanager.events.catalog.SnackRetired;
import com.snackmanager.events.catalog.SnackUpdated;
import com.snackmanager.events.consumer.EventConsumer;
import com.snackmanager.events.consumer.EventConsumers;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.Topics;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code snack.catalog.v1}: a registered snack becomes known (reactions to it are possible
 * from then on), an update or retirement changes its status. Retired snacks stay visible in the
 * catalog and keep taking reactions. A redelivered or late event changes nothing (the stored snack
 * keeps the latest by event time, so no inbox row is written); unknown event types are ignored; an
 * event that cannot be applied goes, after retries, to the dead-letter topic.
 */
@Component
class CatalogListener {

  private final EventConsumer consumer;

  CatalogListener(EventConsumers consumers, KnownSnacks snacks) {
    this.consumer =
        consumers
            .topic(Topics.CATALOG)
            .on(
                SnackRegistered.class,
                (event, envelope) ->
                    snacks.upsert(
                        event.snackUid(), event.status(), at(event.registeredAt(), envelope)))
            .on(
                SnackUpdated.class,
                (event, envelope) ->
                    snacks.upsert(
                        event.snackUid(), event.status(), at(event.updatedAt(), envelope)))
            .on(
                SnackRetired.class,
                (event, envelope) ->
                    snacks.upsert(
                        event.snackUid(), KnownSnacks.RETIRED, at(event.retiredAt(), envelope)))
            // every update keeps the latest by the event's time: no inbox row needed
            .latestWins()
            .build();
  }

  @KafkaListener(topics = Topics.CATALOG, groupId = "${spring.application.name}")
  void onMessage(String message) {
    consumer.consume(message);
  }

  private static Instant at(Instant payloadTime, EventEnvelope envelope) {
    return payloadTime != null ? payloadTime : envelope.occurredAt();
  }
}
