package com.snackmanager.order.reaction;

import com.snackmanager.events.consumer.BatchConsumer;
import com.snackmanager.events.consumer.EventConsumers;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.kafka.BatchListeners;
import com.snackmanager.events.reactions.ReactionChanges;
import com.snackmanager.events.reactions.ReactionChanges.Change;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the reaction counts from {@code snack.reactions.v1} by applying each change's delta
 * (previous → current) exactly once (inbox), a poll at a time: a batch's deltas are summed per
 * snack and written in one statement. The counts inside the events are informational only.
 */
@Component
public class ReactionListener {

  private final BatchConsumer<Change> consumer;

  ReactionListener(EventConsumers consumers, ReactionCounts counts) {
    this.consumer =
        consumers.reactionChanges(fresh -> counts.addAll(ReactionChanges.sumBySnack(fresh)));
  }

  @KafkaListener(
      topics = Topics.REACTIONS,
      groupId = "${spring.application.name}",
      containerFactory = BatchListeners.FACTORY)
  public void onMessages(List<ConsumerRecord<String, String>> records) {
    consumer.consume(records);
  }
}
