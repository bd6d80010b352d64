package com.snackmanager.events.orders;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where an order is in its life, in the order of the flow (SPEC): CREATED → APPROVED → ORDERED →
 * SHIPPING → COMPLETED, and CREATED or APPROVED → CANCELLED. The statuses the order events carry,
 * defined once for the order-service (which enforces the moves) and its consumers (which only see
 * the results, in any order).
 */
public enum OrderStatus {
  CREATED,
  APPROVED,
  ORDERED,
  SHIPPING,
  COMPLETED,
  CANCELLED;

  /**
   * Whether the order is not delivered (nor cancelled) yet: its snacks cannot be in another order
   * meanwhile.
   */
  public boolean holdsSnacks() {
    return this != COMPLETED && this != CANCELLED;
  }

  /**
   * The further of this status and {@code other} in the flow. Statuses only move forward, so of two
   * statuses seen for one order the further is the current one, whatever order the events came in.
   */
  public OrderStatus furthest(OrderStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** The status named {@code raw} (case-insensitive, surrounding blanks ignored), if any. */
  public static Optional<OrderStatus> find(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String name = raw.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(status -> status.name().equals(name)).findFirst();
  }

  /**
   * @throws IllegalArgumentException for anything but one of the statuses, saying which are
   */
  public static OrderStatus parse(String raw) {
    return find(raw).orElseThrow(() -> new IllegalArgumentException(invalidChoice(raw)));
  }

  /** The message for a value that names no status. */
  public static String invalidChoice(String raw) {
    return "\""
        + raw
        + "\" is not a valid status; choose one of "
        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
        + ".";
  }
}
