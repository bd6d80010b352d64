package com.snackmanager.statistics.order;

import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.MalformedEventException;
import com.snackmanager.events.orders.OrderLine;
import com.snackmanager.events.orders.OrderPlaced;
import com.snackmanager.events.orders.OrderRevised;
import com.snackmanager.events.orders.OrderStatus;
import com.snackmanager.events.orders.OrderStatusChanged;
import com.snackmanager.statistics.order.OrderChange.Placed;
import com.snackmanager.statistics.order.OrderChange.Revised;
import com.snackmanager.statistics.order.OrderChange.StatusChanged;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads order events into {@link OrderChange}s, refusing an event that breaks the contract (another
 * version of a known type, a payload that cannot be read or lacks what the statistics need) with a
 * {@link MalformedEventException}: the consumer dead-letters that record alone.
 */
final class OrderEventReader {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private OrderEventReader() {}

  /**
   * A record of {@code snack.orders.v1}: its event, and the change it makes to an order's figures
   * ({@code null} for an event type the statistics do not use).
   */
  record OrderEvent(EventEnvelope envelope, OrderChange change) {}

  static OrderEvent read(EventCodec codec, String message) {
    EventEnvelope envelope = codec.decode(message);
    try {
      return new OrderEvent(
          envelope,
          switch (envelope.eventType()) {
            case OrderPlaced.TYPE ->
                placed(codec.payload(envelope, OrderPlaced.class, OrderPlaced.VERSION));
            case OrderRevised.TYPE ->
                revised(codec.payload(envelope, OrderRevised.class, OrderRevised.VERSION));
            case OrderStatusChanged.TYPE ->
                statusChanged(
                    codec.payload(envelope, OrderStatusChanged.class, OrderStatusChanged.VERSION));
            default -> null;
          });
    } catch (IllegalArgumentException | NullPointerException broken) {
      throw new MalformedEventException(
          envelope.eventType() + " " + envelope.eventId() + ": " + broken.getMessage(), broken);
    }
  }

  static Placed placed(OrderPlaced event) {
    return new Placed(
        uid(event.orderUid()),
        event.ownerId(),
        event.ownerEmail(),
        OrderStatus.parse(event.status()),
        lines(event.lines()),
        required(event.createdAt(), "created_at"));
  }

  static Revised revised(OrderRevised event) {
    return new Revised(
        uid(event.orderUid()),
        lines(event.lines()),
        required(event.createdAt(), "created_at"),
        required(event.revisedAt(), "revised_at"));
  }

  static StatusChanged statusChanged(OrderStatusChanged event) {
    return new StatusChanged(
        uid(event.orderUid()),
        OrderStatus.parse(event.to()),
        required(event.createdAt(), "created_at"));
  }

  private static String uid(String uid) {
    if (uid == null || uid.isBlank()) {
      throw new IllegalArgumentException("order_uid is missing");
    }
    return uid;
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }

  private static List<FactLine> lines(List<OrderLine> lines) {
    required(lines, "lines");
    List<FactLine> checked = new ArrayList<>(lines.size());
    for (OrderLine line : lines) {
      required(line, "a line");
      if (line.snackUid() == null || line.snackUid().isBlank()) {
        throw new IllegalArgumentException("a line has no snack_uid");
      }
      if (line.quantity() < 1) {
        throw new IllegalArgumentException("a line has quantity " + line.quantity());
      }
      BigDecimal price = required(line.unitPrice(), "unit_price");
      if (price.signum() < 0) {
        throw new IllegalArgumentException("a line has a negative unit_price");
      }
      if (line.currency() == null || !CURRENCY.matcher(line.currency()).matches()) {
        throw new IllegalArgumentException("a line has currency \"" + line.currency() + "\"");
      }
      checked.add(
          new FactLine(line.snackUid(), line.snackName(), line.quantity(), price, line.currency()));
    }
    return List.copyOf(checked);
  }
}
