package com.snackmanager.snack.reaction;

import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.MalformedEventException;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.inbox.InboxProcessor;
import com.snackmanager.events.reactions.ReactionChanged;
import com.snackmanager.snack.catalog.ReactionCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Applies reaction events to the snacks' counts, each event once: its id is recorded in the inbox
 * in the same transaction as the count change. Event types this service does not use are recorded
 * and otherwise ignored.
 */
@Service
public class ReactionProjection {

  private static final Logger log = LoggerFactory.getLogger(ReactionProjection.class);

  private final InboxProcessor inbox;
  private final ReactionCounts counts;
  private final EventCodec codec;

  public ReactionProjection(InboxProcessor inbox, ReactionCounts counts, EventCodec codec) {
    this.inbox = inbox;
    this.counts = counts;
    this.codec = codec;
  }

  /**
   * @return whether the event was new (a redelivered one changes nothing)
   */
  public Mono<Boolean> apply(EventEnvelope envelope) {
    return inbox.processOnce(envelope, Topics.REACTIONS, this::work);
  }

  private Mono<Void> work(EventEnvelope envelope) {
    if (!ReactionChanged.TYPE.equals(envelope.eventType())) {
      return Mono.empty();
    }
    if (envelope.eventVersion() != ReactionChanged.VERSION) {
      return Mono.error(
          new MalformedEventException(
              "reaction.changed version " + envelope.eventVersion() + " is not supported", null));
    }
    return Mono.fromCallable(() -> codec.payload(envelope, ReactionChanged.class))
        .flatMap(this::change);
  }

  private Mono<Void> change(ReactionChanged event) {
    if (event.snackUid() == null || event.snackUid().isBlank()) {
      return Mono.error(new MalformedEventException("reaction.changed without a snack_uid", null));
    }
    ReactionDelta delta = ReactionDelta.between(event.previous(), event.current());
    if (delta.isZero()) {
      return Mono.empty();
    }
    return counts
        .add(event.snackUid(), delta.likes(), delta.hates())
        .doOnNext(
            applied -> {
              if (!applied) {
                log.info("Kept the reaction counts of unknown snack {} pending", event.snackUid());
              }
            })
        .then();
  }
}
