package com.snackmanager.order.reaction;

import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.MalformedEventException;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.inbox.InboxProcessor;
import com.snackmanager.events.reactions.ReactionChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the reaction counts from {@code snack.reactions.v1} by applying each change's delta
 * (previous → current) exactly once (inbox). The counts inside the event are informational only.
 */
@Component
public class ReactionEvents {

  private static final Logger log = LoggerFactory.getLogger(ReactionEvents.class);

  private final EventCodec codec;
  private final InboxProcessor inbox;
  private final ReactionCounts counts;

  ReactionEvents(EventCodec codec, InboxProcessor inbox, ReactionCounts counts) {
    this.codec = codec;
    this.inbox = inbox;
    this.counts = counts;
  }

  @KafkaListener(topics = Topics.REACTIONS, groupId = "${spring.application.name}")
  public void onMessage(String message) {
    EventEnvelope envelope = codec.decode(message);
    inbox.processOnce(envelope, Topics.REACTIONS, this::apply).block();
  }

  private Mono<Void> apply(EventEnvelope envelope) {
    if (!ReactionChanged.TYPE.equals(envelope.eventType())) {
      log.debug("Ignoring {} event {}", envelope.eventType(), envelope.eventId());
      return Mono.empty();
    }
    ReactionChanged event = codec.payload(envelope, ReactionChanged.class);
    if (event.snackUid() == null || event.snackUid().isBlank()) {
      throw malformed(envelope, "snack_uid is required");
    }
    ReactionDelta delta;
    try {
      delta = ReactionDelta.between(event.previous(), event.current());
    } catch (IllegalArgumentException e) {
      throw malformed(envelope, e.getMessage());
    }
    return delta.isZero() ? Mono.empty() : counts.apply(event.snackUid(), delta);
  }

  private static MalformedEventException malformed(EventEnvelope envelope, String problem) {
    return new MalformedEventException(
        envelope.eventType() + " " + envelope.eventId() + ": " + problem, null);
  }
}
