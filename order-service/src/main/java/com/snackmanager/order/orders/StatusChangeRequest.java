package com.snackmanager.order.orders;

import com.snackmanager.defaults.domain.FieldErrors;
import com.snackmanager.defaults.domain.RuleViolation;
import com.snackmanager.events.orders.OrderStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code PATCH}/{@code PUT /orders/{uid}/status/}: the status to move to and, for {@code ORDERED}
 * and {@code SHIPPING}, the estimated arrival time (ISO-8601 with offset).
 */
public record StatusChangeRequest(
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"APPROVED", "ORDERED", "SHIPPING", "COMPLETED", "CANCELLED"})
        String status,
    @Schema(
            description =
                "Required when moving to ORDERED or SHIPPING, refused otherwise; not in the past",
            example = "2024-04-03T09:00:00+09:00")
        String estimatedArrivalTime) {

  static final String ARRIVAL_FORMAT =
      "Must be an ISO-8601 date-time with an offset, such as 2024-04-03T09:00:00+09:00.";

  /**
   * What the request asks for, read.
   *
   * @param to the status to move to
   * @param arrival the estimated arrival time, if one was sent
   */
  record StatusChange(OrderStatus to, Instant arrival) {}

  /**
   * Reads {@code request} (null: an empty body), every bad field at once.
   *
   * @throws RuleViolation a 400 naming {@code status} (missing or no such status) and {@code
   *     estimated_arrival_time} (not an ISO-8601 date-time with an offset)
   */
  static StatusChange read(StatusChangeRequest request) {
    FieldErrors errors = new FieldErrors();
    OrderStatus to = null;
    String rawStatus = request == null ? null : request.status();
    if (rawStatus == null || rawStatus.isBlank()) {
      errors.add("status", FieldErrors.REQUIRED);
    } else {
      to = OrderStatus.find(rawStatus).orElse(null);
      if (to == null) {
        errors.add("status", OrderStatus.invalidChoice(rawStatus));
      }
    }
    Instant arrival = null;
    String rawArrival = request == null ? null : request.estimatedArrivalTime();
    if (rawArrival != null) {
      try {
        arrival = OffsetDateTime.parse(rawArrival.trim()).toInstant();
      } catch (DateTimeParseException e) {
        errors.add(StatusFlow.ARRIVAL_FIELD, ARRIVAL_FORMAT);
      }
    }
    errors.throwIfAny();
    return new StatusChange(to, arrival);
  }
}
