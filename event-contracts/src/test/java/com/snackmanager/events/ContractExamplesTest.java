package com.snackmanager.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.catalog.SnackRegistered;
import com.snackmanager.events.catalog.SnackRetired;
import com.snackmanager.events.catalog.SnackUpdated;
import com.snackmanager.events.envelope.DomainEvent;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.ExampleEvents;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.orders.OrderPlaced;
import com.snackmanager.events.orders.OrderRevised;
import com.snackmanager.events.orders.OrderStatusChanged;
import com.snackmanager.events.reactions.ReactionChanged;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published examples of the catalog, reactions and orders topics are exactly what the records
 * write, and the records read them back: the contract the consumers' own tests replay.
 */
class ContractExamplesTest {

  private static final Map<String, Class<? extends DomainEvent>> TYPES =
      Map.of(
          SnackRegistered.TYPE, SnackRegistered.class,
          SnackUpdated.TYPE, SnackUpdated.class,
          SnackRetired.TYPE, SnackRetired.class,
          ReactionChanged.TYPE, ReactionChanged.class,
          OrderPlaced.TYPE, OrderPlaced.class,
          OrderRevised.TYPE, OrderRevised.class,
          OrderStatusChanged.TYPE, OrderStatusChanged.class);

  private final EventCodec codec = new EventCodec();

  @ParameterizedTest
  @ValueSource(strings = {Topics.CATALOG, Topics.REACTIONS, Topics.ORDERS})
  void eachExampleMapsToItsRecordAndBack(String topic) {
    for (EventEnvelope example : ExampleEvents.load(topic)) {
      Class<? extends DomainEvent> type = TYPES.get(example.eventType());
      assertThat(type).as("record for " + example.eventType()).isNotNull();
      DomainEvent event = codec.payload(example, type);
      assertThat(event.topic()).isEqualTo(topic);
      assertThat(event.eventType()).isEqualTo(example.eventType());
      assertThat(event.aggregateId()).isEqualTo(example.aggregateId());
      EventEnvelope rewrapped = codec.decode(codec.encode(codec.wrap(event)));
      assertThat(rewrapped.payload().propertyNames())
          .containsExactlyInAnyOrderElementsOf(example.payload().propertyNames());
      assertThat(codec.payload(rewrapped, type)).isEqualTo(event);
    }
  }

  @Test
  void everyEventTypeHasAnExample() {
    TYPES.forEach(
        (eventType, type) -> {
          String topic =
              switch (eventType.substring(0, eventType.indexOf('.'))) {
                case "snack" -> Topics.CATALOG;
                case "reaction" -> Topics.REACTIONS;
                default -> Topics.ORDERS;
              };
          assertThat(ExampleEvents.load(topic, eventType).eventType()).isEqualTo(eventType);
        });
  }

  @Test
  void moneyKeepsItsDecimalsAndOrderLinesTheirCurrency() {
    OrderPlaced placed =
        codec.payload(ExampleEvents.load(Topics.ORDERS, OrderPlaced.TYPE), OrderPlaced.class);
    assertThat(placed.lines()).hasSize(2);
    assertThat(placed.lines().get(1).unitPrice()).isEqualByComparingTo(new BigDecimal("3.49"));
    assertThat(placed.lines().get(1).currency()).isEqualTo("USD");
    SnackUpdated updated =
        codec.payload(ExampleEvents.load(Topics.CATALOG, SnackUpdated.TYPE), SnackUpdated.class);
    assertThat(updated.price()).isEqualByComparingTo(new BigDecimal("6200.50"));
  }
}
