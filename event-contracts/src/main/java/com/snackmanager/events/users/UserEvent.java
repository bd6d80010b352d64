package com.snackmanager.events.users;

import com.snackmanager.events.envelope.DomainEvent;
import com.snackmanager.events.envelope.Topics;

/** An event on {@link Topics#USERS}; its aggregate is the member. */
public sealed interface UserEvent extends DomainEvent
    permits UserRegistered, UserRoleChanged, UserResigned {

  long memberId();

  @Override
  default String topic() {
    return Topics.USERS;
  }

  @Override
  default String aggregateId() {
    return Long.toString(memberId());
  }
}
