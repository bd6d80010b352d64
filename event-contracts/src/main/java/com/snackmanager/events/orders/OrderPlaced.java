package com.snackmanager.events.orders;

import java.time.Instant;
import java.util.List;

/** A member placed an order (status {@code CREATED}). */
public record OrderPlaced(
    String orderUid,
    long ownerId,
    String ownerEmail,
    String status,
    List<OrderLine> lines,
    Instant createdAt)
    implements OrderEvent {

  public static final String TYPE = "order.placed";
  public static final int VERSION = 1;

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public int eventVersion() {
    return VERSION;
  }
}
