package com.snackmanager.events.orders;

import java.time.Instant;

/**
 * An admin moved the order from one status to the next ({@code estimatedArrivalTime} null where the
 * transition takes none). {@code createdAt} is repeated so a consumer can place the order in its
 * period without other events.
 */
public record OrderStatusChanged(
    String orderUid,
    String from,
    String to,
    long changedBy,
    Instant estimatedArrivalTime,
    Instant createdAt,
    Instant changedAt)
    implements OrderEvent {

  public static final String TYPE = "order.status-changed";
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
