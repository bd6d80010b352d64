package com.snackmanager.order.catalog;

import com.snackmanager.events.catalog.SnackRegistered;
import com.snackmanager.events.catalog.SnackRetired;
import com.snackmanager.events.catalog.SnackUpdated;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.MalformedEventException;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.inbox.InboxProcessor;
import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the catalog projection from {@code snack.catalog.v1}: a registered or updated snack
 * replaces the stored one, a retired snack is marked so. Each event is applied once (inbox);
 * unknown event types are recorded and skipped; a malformed one goes to the dead-letter topic.
 */
@Component
public class CatalogListener {

  private static final Logger log = LoggerFactory.getLogger(CatalogListener.class);

  private final EventCodec codec;
  private final InboxProcessor inbox;
  private final CatalogSnacks snacks;

  CatalogListener(EventCodec codec, InboxProcessor inbox, CatalogSnacks snacks) {
    this.codec = codec;
    this.inbox = inbox;
    this.snacks = snacks;
  }

  @KafkaListener(topics = Topics.CATALOG, groupId = "${spring.application.name}")
  public void onMessage(String message) {
    EventEnvelope envelope = codec.decode(message);
    inbox.processOnce(envelope, Topics.CATALOG, this::apply).block();
  }

  private Mono<Void> apply(EventEnvelope envelope) {
    return switch (envelope.eventType()) {
      case SnackRegistered.TYPE -> {
        SnackRegistered event = codec.payload(envelope, SnackRegistered.class);
        yield snacks.replace(
            text(event.snackUid(), "snack_uid", envelope),
            text(event.name(), "name", envelope),
            event.imageUrl(),
            price(event.price(), envelope),
            currency(event.currency(), envelope),
            status(event.status(), envelope),
            envelope.occurredAt());
      }
      case SnackUpdated.TYPE -> {
        SnackUpdated event = codec.payload(envelope, SnackUpdated.class);
        yield snacks.replace(
            text(event.snackUid(), "snack_uid", envelope),
            text(event.name(), "name", envelope),
            event.imageUrl(),
            price(event.price(), envelope),
            currency(event.currency(), envelope),
            status(event.status(), envelope),
            envelope.occurredAt());
      }
      case SnackRetired.TYPE -> {
        SnackRetired event = codec.payload(envelope, SnackRetired.class);
        yield snacks
            .retire(text(event.snackUid(), "snack_uid", envelope), envelope.occurredAt())
            .doOnNext(
                changed -> {
                  if (!changed) {
                    log.info(
                        "Retirement of {} changed nothing (unknown snack or older event)",
                        event.snackUid());
                  }
                })
            .then();
      }
      default -> {
        log.debug("Ignoring {} event {}", envelope.eventType(), envelope.eventId());
        yield Mono.empty();
      }
    };
  }

  private static String status(String status, EventEnvelope envelope) {
    if (CatalogSnacks.ACTIVE.equals(status) || CatalogSnacks.RETIRED.equals(status)) {
      return status;
    }
    throw malformed(envelope, "status must be ACTIVE or RETIRED, was " + status);
  }

  private static BigDecimal price(BigDecimal price, EventEnvelope envelope) {
    if (price == null || price.signum() < 0) {
      throw malformed(envelope, "price must be a non-negative number, was " + price);
    }
    return price;
  }

  private static String currency(String currency, EventEnvelope envelope) {
    return text(currency, "currency", envelope);
  }

  private static String text(String value, String field, EventEnvelope envelope) {
    if (value == null || value.isBlank()) {
      throw malformed(envelope, field + " is required");
    }
    return value;
  }

  private static MalformedEventException malformed(EventEnvelope envelope, String problem) {
    return new MalformedEventException(
        envelope.eventType() + " " + envelope.eventId() + ": " + problem, null);
  }
}
