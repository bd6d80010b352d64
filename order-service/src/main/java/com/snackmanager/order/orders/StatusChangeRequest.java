package com.snackmanager.order.orders;

/**
 * {@code PATCH}/{@code PUT /orders/{uid}/status/}: the status to move to and, for {@code ORDERED}
 * and {@code SHIPPING}, the estimated arrival time (ISO-8601 with offset).
 */
public record StatusChangeRequest(String status, String estimatedArrivalTime) {}
