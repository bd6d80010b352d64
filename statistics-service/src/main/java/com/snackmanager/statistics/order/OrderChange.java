package com.snackmanager.statistics.order;

import com.snackmanager.events.orders.OrderStatus;
import java.time.Instant;
import java.util.List;

/** What an order event tells the statistics, checked and in the statistics' own terms. */
public sealed interface OrderChange {

  String orderUid();

  /** When the order was created (every order event repeats it). */
  Instant createdAt();

  /** The order was placed: its owner, first status and lines. */
  record Placed(
      String orderUid,
      long ownerId,
      String ownerEmail,
      OrderStatus status,
      List<FactLine> lines,
      Instant createdAt)
      implements OrderChange {}

  /** The order's lines were replaced (the whole new list). */
  record Revised(String orderUid, List<FactLine> lines, Instant createdAt, Instant revisedAt)
      implements OrderChange {}

  /** The order moved to {@code to}. */
  record StatusChanged(String orderUid, OrderStatus to, Instant createdAt) implements OrderChange {}
}
