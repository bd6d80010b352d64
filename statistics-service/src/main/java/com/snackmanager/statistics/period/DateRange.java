package com.snackmanager.statistics.period;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The days from {@code from} to {@code to}, both included. */
public record DateRange(LocalDate from, LocalDate to) {

  /** The calendar the service answers for; every period is clipped to it. */
  public static final DateRange SUPPORTED =
      new DateRange(LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));

  public DateRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
  }

  public static DateRange of(LocalDate day) {
    return new DateRange(day, day);
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  /** The days in both ranges, or null if they do not overlap. */
  public DateRange intersect(DateRange other) {
    LocalDate start = from.isAfter(other.from) ? from : other.from;
    LocalDate end = to.isBefore(other.to) ? to : other.to;
    return start.isAfter(end) ? null : new DateRange(start, end);
  }
}
