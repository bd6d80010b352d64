package com.snackmanager.reaction.snack;

import com.snackmanager.events.catalog.SnackRegistered;
import com.snackmanager.events.catalog.SnackRetired;
import com.snackmanager.events.catalog.SnackUpdated;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.inbox.InboxProcessor;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Consumes {@code snack.catalog.v1}: a registered snack becomes known (reactions to it are possible
 * from then on), an update or retirement changes its status. Retired snacks stay visible in the
 * catalog and keep taking reactions. Each event is applied once (inbox); unknown event types are
 * recorded and ignored; an event that cannot be applied goes, after retries, to the dead-letter
 * topic.
 */
@Component
class CatalogListener {

  private final EventCodec codec;
  private final InboxProcessor inbox;
  private final KnownSnacks snacks;

  CatalogListener(EventCodec codec, InboxProcessor inbox, KnownSnacks snacks) {
    this.codec = codec;
    this.inbox = inbox;
    this.snacks = snacks;
  }

  @KafkaListener(topics = Topics.CATALOG, groupId = "${spring.application.name}")
  void onMessage(String message) {
    EventEnvelope envelope = codec.decode(message);
    inbox.processOnce(envelope, Topics.CATALOG, this::apply).block();
  }

  private Mono<Void> apply(EventEnvelope envelope) {
    return switch (envelope.eventType()) {
      case SnackRegistered.TYPE -> {
        SnackRegistered registered = codec.payload(envelope, SnackRegistered.class);
        yield snacks.upsert(
            registered.snackUid(), registered.status(), at(registered.registeredAt(), envelope));
      }
      case SnackUpdated.TYPE -> {
        SnackUpdated updated = codec.payload(envelope, SnackUpdated.class);
        yield snacks.upsert(
            updated.snackUid(), updated.status(), at(updated.updatedAt(), envelope));
      }
      case SnackRetired.TYPE -> {
        SnackRetired retired = codec.payload(envelope, SnackRetired.class);
        yield snacks.upsert(
            retired.snackUid(), KnownSnacks.RETIRED, at(retired.retiredAt(), envelope));
      }
      default -> Mono.empty();
    };
  }

  private static Instant at(Instant payloadTime, EventEnvelope envelope) {
    return payloadTime != null ? payloadTime : envelope.occurredAt();
  }
}
