package com.snackmanager.order.orders;

import com.snackmanager.events.orders.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * An item of {@code GET /orders/}.
 *
 * @param userId the owner's member id
 * @param year the creation date's year in the business time zone (likewise month and day)
 * @param totals money per currency (exact decimals as JSON numbers), never summed across currencies
 */
public record OrderSummary(
    String uid,
    OrderStatus status,
    long userId,
    String userEmail,
    Instant createdAt,
    Instant updatedAt,
    Instant estimatedArrivalTime,
    int year,
    int month,
    int day,
    long totalQuantity,
    Map<String, BigDecimal> totals) {

  static OrderSummary of(Order order, long totalQuantity, Map<String, BigDecimal> totals) {
    return new OrderSummary(
        order.uid(),
        order.status(),
        order.ownerId(),
        order.ownerEmail(),
        order.createdAt(),
        order.updatedAt(),
        order.estimatedArrivalTime(),
        order.date().year(),
        order.date().month(),
        order.date().day(),
        totalQuantity,
        totals);
  }
}
