package com.snackmanager.events.orders;

import java.time.Instant;
import java.util.List;

/**
 * The order's purchases were replaced while it was {@code CREATED}; {@code lines} is the whole new
 * list.
 */
public record OrderRevised(
    String orderUid, long revisedBy, List<OrderLine> lines, Instant createdAt, Instant revisedAt)
    implements OrderEvent {

  public static final String TYPE = "order.revised";
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
