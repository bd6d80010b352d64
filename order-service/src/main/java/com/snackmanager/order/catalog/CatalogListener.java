package com.snackmanager.order.catalog;

import com.snackmanager.events.catalog.SnackDetails;
import com.snackmanager.events.catalog.SnackRegistered;
import com.snackmanager.events.catalog.SnackRetired;
import com.snackmanager.events.catalog.SnackUpdated;
import com.snackmanager.events.consumer.EventConsumer;
import com.snackmanager.events.consumer.EventConsumers;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.Topics;
import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the catalog projection from {@code snack.catalog.v1}: a registered or updated snack
 * replaces the stored one, a retired snack is marked so. A redelivered or late event changes
 * nothing (the stored snack keeps the latest by event time, so no inbox row is written); unknown
 * event types are skipped; a malformed one goes to the dead-letter topic.
 */
@Component
public class CatalogListener {

  private static final Logger log = LoggerFactory.getLogger(CatalogListener.class);

  private final EventConsumer consumer;

  CatalogListener(EventConsumers consumers, CatalogSnacks snacks) {
    this.consumer =
        consumers
            .topic(Topics.CATALOG)
            .on(SnackRegistered.class, (event, envelope) -> replace(snacks, event, envelope))
            .on(SnackUpdated.class, (event, envelope) -> replace(snacks, event, envelope))
            .on(
                SnackRetired.class,
                (event, envelope) ->
                    snacks
                        .retire(text(event.snackUid(), "snack_uid"), envelope.occurredAt())
                        .doOnNext(
                            changed -> {
                              if (!changed) {
                                log.info(
                                    "Retirement of {} changed nothing (unknown snack or older"
                                        + " event)",
                                    event.snackUid());
                              }
                            })
                        .then())
            // every update keeps the latest by the event's time: no inbox row needed
            .latestWins()
            .build();
  }

  @KafkaListener(topics = Topics.CATALOG, groupId = "${spring.application.name}")
  public void onMessage(String message) {
    consumer.consume(message);
  }

  private static Mono<Void> replace(
      CatalogSnacks snacks, SnackDetails snack, EventEnvelope envelope) {
    return snacks.replace(
        new CatalogSnack(
            text(snack.snackUid(), "snack_uid"),
            text(snack.name(), "name"),
            snack.imageUrl(),
            price(snack.price()),
            text(snack.currency(), "currency"),
            retired(snack.status())),
        envelope.occurredAt());
  }

  private static boolean retired(String status) {
    if (CatalogSnacks.ACTIVE.equals(status) || CatalogSnacks.RETIRED.equals(status)) {
      return CatalogSnacks.RETIRED.equals(status);
    }
    throw new IllegalArgumentException("status must be ACTIVE or RETIRED, was " + status);
  }

  private static BigDecimal price(BigDecimal price) {
    if (price == null || price.signum() < 0) {
      throw new IllegalArgumentException("price must be a non-negative number, was " + price);
    }
    return price;
  }

  private static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }
}
