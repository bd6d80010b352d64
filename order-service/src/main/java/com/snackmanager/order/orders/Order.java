package com.snackmanager.order.orders;

import com.snackmanager.events.orders.OrderStatus;
import java.time.Instant;

/**
 * An order row (its purchases live in {@code order_line}).
 *
 * @param date the creation date in the business time zone
 * @param version the optimistic-lock version every change must present
 */
public record Order(
    long id,
    String uid,
    OrderStatus status,
    long ownerId,
    String ownerEmail,
    Instant createdAt,
    Instant updatedAt,
    Instant estimatedArrivalTime,
    BusinessDate date,
    long version) {}
