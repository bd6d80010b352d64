package com.snackmanager.statistics.order;

import java.util.Locale;

/**
 * The order status flow, in order. Statuses only move forward (CREATED → APPROVED → ORDERED →
 * SHIPPING → COMPLETED; CREATED or APPROVED → CANCELLED), so of two statuses seen for one order the
 * further one is the current one, whatever order the events came in.
 */
public enum OrderStatus {
  CREATED(0),
  APPROVED(1),
  ORDERED(2),
  SHIPPING(3),
  COMPLETED(4),
  CANCELLED(5);

  private final int rank;

  OrderStatus(int rank) {
    this.rank = rank;
  }

  /** The further of this status and {@code other} in the flow. */
  public OrderStatus furthest(OrderStatus other) {
    return other.rank > rank ? other : this;
  }

  /** A cancelled order is counted, but keeps no snack quantity and no money. */
  public boolean keepsFigures() {
    return this != CANCELLED;
  }

  /**
   * @throws IllegalArgumentException for anything but one of the flow's statuses
   */
  public static OrderStatus parse(String raw) {
    if (raw == null) {
      throw new IllegalArgumentException("status is missing");
    }
    try {
      return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown status \"" + raw + "\"");
    }
  }
}
