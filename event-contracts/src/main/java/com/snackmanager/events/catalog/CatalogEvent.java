package com.snackmanager.events.catalog;

import com.snackmanager.events.envelope.DomainEvent;
import com.snackmanager.events.envelope.Topics;

/** An event on {@link Topics#CATALOG}; its aggregate is the snack (by uid). */
public sealed interface CatalogEvent extends DomainEvent
    permits SnackRegistered, SnackUpdated, SnackRetired {

  String snackUid();

  @Override
  default String topic() {
    return Topics.CATALOG;
  }

  @Override
  default String aggregateId() {
    return snackUid();
  }
}
