package com.snackmanager.snack.reaction;

import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.kafka.BatchListeners;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code snack.reactions.v1} as consumer group {@code snack-service}, a poll at a time
 * through the {@link ReactionProjection}'s batch consumer (see {@link BatchListeners} for what
 * happens to records that fail).
 */
@Component
class ReactionListener {

  private final ReactionProjection projection;

  ReactionListener(ReactionProjection projection) {
    this.projection = projection;
  }

  @KafkaListener(
      topics = Topics.REACTIONS,
      groupId = "${spring.application.name}",
      containerFactory = BatchListeners.FACTORY)
  void onReactions(List<ConsumerRecord<String, String>> records) {
    projection.consume(records);
  }
}
