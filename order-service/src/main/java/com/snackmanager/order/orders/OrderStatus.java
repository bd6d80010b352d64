package com.snackmanager.order.orders;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where an order is in its life. {@link StatusFlow} says which moves are allowed. */
public enum OrderStatus {
  CREATED,
  APPROVED,
  ORDERED,
  SHIPPING,
  COMPLETED,
  CANCELLED;

  /**
   * Whether the order is not delivered yet: its snacks cannot be put in another order meanwhile.
   */
  public boolean holdsSnacks() {
    return this != COMPLETED && this != CANCELLED;
  }

  /** The status named {@code raw} (case-insensitive), if there is one. */
  public static Optional<OrderStatus> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String name = raw.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(status -> status.name().equals(name)).findFirst();
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
