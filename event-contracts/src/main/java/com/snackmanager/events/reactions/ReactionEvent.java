package com.snackmanager.events.reactions;

import com.snackmanager.events.envelope.DomainEvent;
import com.snackmanager.events.envelope.Topics;

/** An event on {@link Topics#REACTIONS}; its aggregate is the snack (by uid). */
public sealed interface ReactionEvent extends DomainEvent permits ReactionChanged {

  String snackUid();

  @Override
  default String topic() {
    return Topics.REACTIONS;
  }

  @Override
  default String aggregateId() {
    return snackUid();
  }
}
