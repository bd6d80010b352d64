package com.snackmanager.snack.reaction;

import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.kafka.BatchListeners;
import com.snackmanager.events.reactions.ReactionChanges;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code snack.reactions.v1} as consumer group {@code snack-service}, a poll at a time
 * (see {@link BatchListeners} for what happens to records that fail).
 */
@Component
class ReactionListener {

  private final EventCodec codec;
  private final ReactionProjection projection;

  ReactionListener(EventCodec codec, ReactionProjection projection) {
    this.codec = codec;
    this.projection = projection;
  }

  @KafkaListener(
      topics = Topics.REACTIONS,
      groupId = "${spring.application.name}",
      containerFactory = BatchListeners.FACTORY)
  void onReactions(List<ConsumerRecord<String, String>> records) {
    BatchListeners.process(
        records,
        record -> ReactionChanges.read(codec, record.value()),
        changes -> projection.applyAll(changes).block());
  }
}
