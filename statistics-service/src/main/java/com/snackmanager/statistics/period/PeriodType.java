package com.snackmanager.statistics.period;

import com.snackmanager.defaults.web.ApiException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/**
 * The length of a period in a series. Each has a cap on the rows one series may have, so a request
 * cannot ask for an unbounded amount of work.
 */
public enum PeriodType {
  DAY(3660),
  WEEK(530),
  MONTH(1200),
  YEAR(100);

  private final int maxRows;

  PeriodType(int maxRows) {
    this.maxRows = maxRows;
  }

  /** How many periods of this type one series may hold. */
  public int maxRows() {
    return maxRows;
  }

  /** Whole months fit in these periods, so the month buckets can answer for them. */
  public boolean holdsWholeMonths() {
    return this == MONTH || this == YEAR;
  }

  /** The period of this type that holds {@code day}. */
  public Period containing(LocalDate day) {
    return switch (this) {
      case DAY -> Period.day(day);
      case WEEK -> Period.isoWeek(day);
      case MONTH -> Period.month(YearMonth.from(day));
      case YEAR -> Period.year(day.getYear());
    };
  }

  /**
   * @throws ApiException (400) unless {@code raw} is day, week, month or year (any case)
   */
  public static PeriodType parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw ApiException.invalidField("period", "period: This field is required.");
    }
    try {
      return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField(
          "period", "period: \"" + raw + "\" is not one of day, week, month, year.");
    }
  }
}
