package com.snackmanager.order.orders;

import com.snackmanager.events.orders.OrderStatus;
import java.time.Instant;

/**
 * One recorded status transition. The first entry of every order is its creation, from {@code null}
 * to {@code CREATED}, by its owner.
 *
 * @param changedBy the member id of whoever made the change
 * @param estimatedArrivalTime the arrival time set by this transition, null where it takes none
 */
public record HistoryEntry(
    OrderStatus fromStatus,
    OrderStatus toStatus,
    long changedBy,
    Instant changedAt,
    Instant estimatedArrivalTime) {}
