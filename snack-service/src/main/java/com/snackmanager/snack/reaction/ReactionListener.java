package com.snackmanager.snack.reaction;

import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code snack.reactions.v1} as consumer group {@code snack-service}. A record that fails
 * is retried and then dead-lettered by the suite's listener container factory, never acknowledged
 * silently.
 */
@Component
class ReactionListener {

  static final String GROUP = "snack-service";

  private final EventCodec codec;
  private final ReactionProjection projection;

  ReactionListener(EventCodec codec, ReactionProjection projection) {
    this.codec = codec;
    this.projection = projection;
  }

  @KafkaListener(topics = Topics.REACTIONS, groupId = GROUP)
  void onReaction(String message) {
    projection.apply(codec.decode(message)).block();
  }
}
