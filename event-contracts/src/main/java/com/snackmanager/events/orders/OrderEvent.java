package com.snackmanager.events.orders;

import com.snackmanager.events.envelope.DomainEvent;
import com.snackmanager.events.envelope.Topics;

/** An event on {@link Topics#ORDERS}; its aggregate is the order (by uid). */
public sealed interface OrderEvent extends DomainEvent
    permits OrderPlaced, OrderRevised, OrderStatusChanged {

  String orderUid();

  @Override
  default String topic() {
    return Topics.ORDERS;
  }

  @Override
  default String aggregateId() {
    return orderUid();
  }
}
