package com.snackmanager.order.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar day of an instant as the office sees it, in the business time zone ({@code
 * snack.business-time-zone}): 2024-03-31T14:30Z is March 31 in Seoul, 2024-03-31T15:30Z is April 1.
 */
public record BusinessDate(int year, int month, int day) {

  public static BusinessDate of(Instant instant, ZoneId zone) {
    LocalDate date = instant.atZone(zone).toLocalDate();
    return new BusinessDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }
}
