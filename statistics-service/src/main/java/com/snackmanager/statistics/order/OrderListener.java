package com.snackmanager.statistics.order;

import com.snackmanager.events.consumer.EventConsumer;
import com.snackmanager.events.consumer.EventConsumers;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.orders.OrderPlaced;
import com.snackmanager.events.orders.OrderRevised;
import com.snackmanager.events.orders.OrderStatusChanged;
import com.snackmanager.statistics.stream.StreamProgress;
import com.snackmanager.statistics.stream.Streams;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code snack.orders.v1}: each event is applied once (inbox, same transaction as the
 * bucket updates). Event types the statistics do not use are recorded and skipped; a payload that
 * breaks the contract goes to the dead-letter topic.
 */
@Component
class OrderListener {

  private final EventConsumer consumer;

  OrderListener(EventConsumers consumers, OrderProjection projection, StreamProgress progress) {
    this.consumer =
        consumers
            .topic(Topics.ORDERS)
            .on(
                OrderPlaced.class,
                (event, envelope) -> projection.apply(OrderEventReader.placed(event)))
            .on(
                OrderRevised.class,
                (event, envelope) -> projection.apply(OrderEventReader.revised(event)))
            .on(
                OrderStatusChanged.class,
                (event, envelope) -> projection.apply(OrderEventReader.statusChanged(event)))
            .forEach(envelope -> progress.record(Topics.ORDERS, envelope))
            .build();
  }

  @KafkaListener(
      id = Streams.ORDERS_LISTENER,
      topics = Topics.ORDERS,
      groupId = "${spring.application.name}")
  void onMessage(String message) {
    consumer.consume(message);
  }
}
