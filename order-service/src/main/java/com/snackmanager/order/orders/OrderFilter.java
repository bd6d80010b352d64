package com.snackmanager.order.orders;

import com.snackmanager.defaults.domain.FieldErrors;
import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.events.orders.OrderStatus;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;

/**
 * The order list's filters; {@code null} means "any". {@code year}, {@code month} and {@code day}
 * are of the creation date in the business time zone.
 *
 * @param createdFrom {@code created_at__gte}: created at or after
 * @param createdTo {@code created_at__lte}: created at or before
 */
public record OrderFilter(
    String uid,
    OrderStatus status,
    Long userId,
    Integer year,
    Integer month,
    Integer day,
    Instant createdFrom,
    Instant createdTo) {

  static final String TIME_FORMAT =
      "Must be an ISO-8601 date-time such as 2024-03-31T23:30:00+09:00 (without an offset the"
          + " business time zone is meant) or a date such as 2024-03-31.";

  /**
   * Reads the filters of a list request.
   *
   * @param zone the business time zone, for times without an offset and bare dates
   * @throws ApiException a 400 naming each invalid filter
   */
  public static OrderFilter from(MultiValueMap<String, String> params, ZoneId zone) {
    FieldErrors violations = new FieldErrors();
    String uid = text(params.getFirst("uid"));
    OrderStatus status =
        parse(
            violations,
            "status",
            params.getFirst("status"),
            raw ->
                OrderStatus.find(raw)
                    .orElseThrow(
                        () -> new IllegalArgumentException(OrderStatus.invalidChoice(raw))));
    Long userId =
        parse(
            violations,
            "user_id",
            params.getFirst("user_id"),
            raw -> number(raw, 1, Long.MAX_VALUE));
    Long year = parse(violations, "year", params.getFirst("year"), raw -> number(raw, 1, 9999));
    Long month = parse(violations, "month", params.getFirst("month"), raw -> number(raw, 1, 12));
    Long day = parse(violations, "day", params.getFirst("day"), raw -> number(raw, 1, 31));
    Instant from =
        parse(
            violations,
            "created_at__gte",
            params.getFirst("created_at__gte"),
            raw -> time(raw, zone, false));
    Instant to =
        parse(
            violations,
            "created_at__lte",
            params.getFirst("created_at__lte"),
            raw -> time(raw, zone, true));
    violations.throwIfAny();
    return new OrderFilter(
        uid,
        status,
        userId,
        year == null ? null : year.intValue(),
        month == null ? null : month.intValue(),
        day == null ? null : day.intValue(),
        from,
        to);
  }

  private static String text(String raw) {
    return raw == null || raw.isBlank() ? null : raw.trim();
  }

  private static <T> T parse(
      FieldErrors violations, String field, String raw, Function<String, T> parser) {
    String value = text(raw);
    if (value == null) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      violations.add(field, e.getMessage());
      return null;
    }
  }

  private static long number(String raw, long min, long max) {
    String message =
        max == Long.MAX_VALUE
            ? "Must be a whole number of at least " + min + "."
            : "Must be a whole number from " + min + " to " + max + ".";
    try {
      long value = Long.parseLong(raw);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new IllegalArgumentException(message);
  }

  /**
   * An instant from an ISO-8601 date-time with offset, a local date-time (in {@code zone}) or a
   * date: the start of that day, or with {@code endOfDay} its last instant, so {@code
   * created_at__lte=2024-03-31} includes all of March 31.
   */
  static Instant time(String raw, ZoneId zone, boolean endOfDay) {
    // a "+" left unencoded in a query string arrives as a space
    String value = raw.replace(' ', '+');
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeException notWithOffset) {
      // try the other forms
    }
    try {
      return LocalDateTime.parse(value).atZone(zone).toInstant();
    } catch (DateTimeException notLocal) {
      // try a date
    }
    try {
      LocalDate date = LocalDate.parse(value);
      return endOfDay
          ? date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000)
          : date.atStartOfDay(zone).toInstant();
    } catch (DateTimeException notADate) {
      throw new IllegalArgumentException(TIME_FORMAT);
    }
  }
}
