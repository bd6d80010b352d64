package com.snackmanager.statistics.order;

import com.snackmanager.events.consumer.BatchConsumer;
import com.snackmanager.events.consumer.EventConsumers;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.kafka.BatchListeners;
import com.snackmanager.statistics.order.OrderEventReader.OrderEvent;
import com.snackmanager.statistics.stream.StreamProgress;
import com.snackmanager.statistics.stream.Streams;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code snack.orders.v1} a poll at a time: the poll's new events (inbox) are applied in
 * their order in one transaction with their inbox records, so a burst of orders costs one commit
 * and one round of bucket writes per poll instead of per event ({@link OrderProjection#applyAll}).
 * Event types the statistics do not use are recorded and skipped; a record that breaks the contract
 * goes to the dead-letter topic on its own.
 */
@Component
class OrderListener {

  private final BatchConsumer<OrderEvent> consumer;

  OrderListener(
      EventConsumers consumers,
      EventCodec codec,
      OrderProjection projection,
      StreamProgress progress) {
    this.consumer =
        consumers.batch(
            Topics.ORDERS,
            message -> OrderEventReader.read(codec, message),
            OrderEvent::envelope,
            events ->
                projection
                    .applyAll(
                        events.stream().map(OrderEvent::change).filter(Objects::nonNull).toList())
                    .then(
                        progress.recordAll(
                            Topics.ORDERS, events.stream().map(OrderEvent::envelope).toList())));
  }

  @KafkaListener(
      id = Streams.ORDERS_LISTENER,
      topics = Topics.ORDERS,
      groupId = "${spring.application.name}",
      containerFactory = BatchListeners.FACTORY)
  void onMessages(List<ConsumerRecord<String, String>> records) {
    consumer.consume(records);
  }
}
