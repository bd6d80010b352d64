package com.snackmanager.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.catalog.SnackRegistered;
import com.snackmanager.events.catalog.SnackRetired;
import com.snackmanager.events.catalog.SnackUpdated;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.ExampleEvents;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.order.OrderServiceTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

/**
 * The snack-service's published example events, fed through Kafka to the real catalog consumer,
 * build the projection the orders read.
 */
class CatalogContractIT extends OrderServiceTest {

  private static final String EXAMPLE_UID = "sn_7Kq2xP9a";

  @Autowired CatalogListener catalogListener;

  private Map<String, Object> row(String uid) {
    return db.sql(
            "SELECT name, image_url, price, currency, status FROM catalog_snack WHERE uid = :uid")
        .bind("uid", uid)
        .fetch()
        .one()
        .block();
  }

  @Test
  void theExamplesRegisterUpdateAndRetireASnack() {
    EventEnvelope registered = ExampleEvents.load(Topics.CATALOG, SnackRegistered.TYPE);
    EventEnvelope updated = ExampleEvents.load(Topics.CATALOG, SnackUpdated.TYPE);
    EventEnvelope retired = ExampleEvents.load(Topics.CATALOG, SnackRetired.TYPE);
    assertThat(ExampleEvents.load(Topics.CATALOG)).hasSize(3);

    publishAndAwait(Topics.CATALOG, registered);
    assertThat(row(EXAMPLE_UID))
        .containsEntry("name", "삼양 불닭볶음면 140g 5개입")
        .containsEntry("image_url", "/snacks/sn_7Kq2xP9a/image")
        .containsEntry("price", new BigDecimal("5980"))
        .containsEntry("currency", "KRW")
        .containsEntry("status", "ACTIVE");

    publishAndAwait(Topics.CATALOG, updated);
    // the decimal keeps exactly the digits sent
    assertThat(row(EXAMPLE_UID)).containsEntry("price", new BigDecimal("6200.5"));

    publishAndAwait(Topics.CATALOG, retired);
    assertThat(row(EXAMPLE_UID)).containsEntry("status", "RETIRED");

    // a redelivered event is recognised by its id and changes nothing
    catalogListener.onMessage(codec.encode(registered));
    assertThat(row(EXAMPLE_UID))
        .containsEntry("status", "RETIRED")
        .containsEntry("price", new BigDecimal("6200.5"));

    // an older event under a new id (a late replay) cannot undo the newer state
    EventEnvelope replayed =
        new EventEnvelope(
            UUID.randomUUID(),
            registered.eventType(),
            registered.eventVersion(),
            registered.occurredAt(),
            registered.aggregateId(),
            registered.payload());
    publishAndAwait(Topics.CATALOG, replayed);
    assertThat(row(EXAMPLE_UID)).containsEntry("status", "RETIRED");
  }

  @Test
  void anUpdateReplacesTheWholeSnapshotAndCanReactivate() {
    String uid = snack("Before", "100", "KRW");
    retire(uid);
    assertThat(row(uid)).containsEntry("status", "RETIRED");
    publishAndAwait(
        new SnackUpdated(
            uid,
            "After",
            null,
            null,
            null,
            "USD",
            new BigDecimal("1.25"),
            "ACTIVE",
            1,
            Instant.now()));
    assertThat(row(uid))
        .containsEntry("name", "After")
        .containsEntry("image_url", null)
        .containsEntry("price", new BigDecimal("1.25"))
        .containsEntry("currency", "USD")
        .containsEntry("status", "ACTIVE");
  }

  @Test
  void unknownEventTypesAreRecordedAndSkipped() {
    EventEnvelope registered = ExampleEvents.load(Topics.CATALOG, SnackRegistered.TYPE);
    String uid = "sn_future_" + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode payload = ((ObjectNode) registered.payload().deepCopy()).put("snack_uid", uid);
    EventEnvelope future =
        new EventEnvelope(UUID.randomUUID(), "snack.renamed", 1, Instant.now(), uid, payload);
    publishAndAwait(Topics.CATALOG, future);
    assertThat(count("SELECT count(*) FROM catalog_snack WHERE uid = :uid", "uid", uid)).isZero();
  }

  @Test
  void aMessageThatIsNotAnEventGoesToTheDeadLetterTopic() {
    String marker = "not an event " + UUID.randomUUID();
    sendRaw(Topics.CATALOG, "garbage", marker);
    assertThat(awaitRecord(Topics.deadLetter(Topics.CATALOG), r -> marker.equals(r.value())))
        .isNotNull();
  }

  @Test
  void anEventWithoutAPriceGoesToTheDeadLetterTopic() {
    String uid = "sn_noprice_" + UUID.randomUUID().toString().substring(0, 8);
    EventEnvelope broken =
        codec.wrap(
            new SnackRegistered(
                uid, "No price", null, null, null, "KRW", null, "ACTIVE", 1, Instant.now()));
    send(Topics.CATALOG, broken);
    assertThat(
            awaitRecord(
                Topics.deadLetter(Topics.CATALOG),
                r -> r.value().contains(broken.eventId().toString())))
        .isNotNull();
    assertThat(count("SELECT count(*) FROM catalog_snack WHERE uid = :uid", "uid", uid)).isZero();
  }
}
