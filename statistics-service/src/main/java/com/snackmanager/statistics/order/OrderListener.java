package com.snackmanager.statistics.order;

import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.inbox.InboxProcessor;
import com.snackmanager.statistics.stream.StreamProgress;
import com.snackmanager.statistics.stream.Streams;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Consumes {@code snack.orders.v1}: each event is applied once (inbox, same transaction as the
 * bucket updates). Event types the statistics do not use are recorded and skipped; a payload that
 * breaks the contract goes to the dead-letter topic.
 */
@Component
class OrderListener {

  private final EventCodec codec;
  private final InboxProcessor inbox;
  private final OrderProjection projection;
  private final StreamProgress progress;

  OrderListener(
      EventCodec codec, InboxProcessor inbox, OrderProjection projection, StreamProgress progress) {
    this.codec = codec;
    this.inbox = inbox;
    this.projection = projection;
    this.progress = progress;
  }

  @KafkaListener(
      id = Streams.ORDERS_LISTENER,
      topics = Topics.ORDERS,
      groupId = "${spring.application.name}")
  void onMessage(ConsumerRecord<String, String> record) {
    EventEnvelope envelope = codec.decode(record.value());
    Optional<OrderChange> change = OrderEventReader.read(envelope, codec);
    inbox
        .processOnce(
            envelope,
            record.topic(),
            event ->
                change
                    .map(projection::apply)
                    .orElseGet(Mono::empty)
                    .then(progress.record(record.topic(), event)))
        .block();
  }
}
