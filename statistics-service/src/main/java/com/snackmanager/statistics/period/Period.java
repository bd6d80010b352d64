package com.snackmanager.statistics.period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * One period of the business calendar: its type, the days it covers and its label ({@code
 * 2024-03-31}, {@code 2024-W13}, {@code 2024-03}, {@code 2024}). Weeks are ISO weeks: Monday to
 * Sunday, labelled with their ISO week-based year, so 2021-01-01 (a Friday) is in {@code 2020-W53}.
 */
public record Period(PeriodType type, DateRange days, String label) {

  public static Period day(LocalDate day) {
    return new Period(PeriodType.DAY, DateRange.of(day), day.toString());
  }

  /** The ISO week holding {@code day}. */
  public static Period isoWeek(LocalDate day) {
    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    String label =
        String.format(
            "%04d-W%02d",
            monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    return new Period(PeriodType.WEEK, new DateRange(monday, monday.plusDays(6)), label);
  }

  /** ISO week {@code week} of the ISO week-based year {@code year}. */
  public static Period isoWeek(int year, int week) {
    LocalDate inWeekOne = LocalDate.of(year, 1, 4); // 4 January is always in ISO week 1
    return isoWeek(inWeekOne.plusWeeks(week - 1L));
  }

  /** How many ISO weeks (52 or 53) the ISO week-based year {@code year} has. */
  public static int isoWeeksIn(int year) {
    return (int)
        IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(LocalDate.of(year, 6, 1)).getMaximum();
  }

  /**
   * The n-th week of a month: week 1 is the ISO week holding the month's first day, week 2 the next
   * ISO week, and so on while the week still starts within the month. It is the same ISO week, with
   * all its seven days, as {@link #isoWeek(LocalDate)} gives.
   */
  public static Period weekOfMonth(YearMonth month, int n) {
    return isoWeek(firstMonday(month).plusWeeks(n - 1L));
  }

  /** How many weeks (4 to 6) the month has in the sense of {@link #weekOfMonth}. */
  public static int weeksIn(YearMonth month) {
    LocalDate lastMonday =
        month.atEndOfMonth().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return (int) ChronoUnit.WEEKS.between(firstMonday(month), lastMonday) + 1;
  }

  public static Period month(YearMonth month) {
    return new Period(
        PeriodType.MONTH,
        new DateRange(month.atDay(1), month.atEndOfMonth()),
        String.format("%04d-%02d", month.getYear(), month.getMonthValue()));
  }

  public static Period year(int year) {
    return new Period(
        PeriodType.YEAR,
        new DateRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)),
        String.format("%04d", year));
  }

  /** The next period of the same type. */
  public Period next() {
    return type.containing(days.to().plusDays(1));
  }

  /** This period with only the days inside {@code range} (null if none are). */
  public Period clip(DateRange range) {
    DateRange inside = days.intersect(range);
    return inside == null ? null : new Period(type, inside, label);
  }

  private static LocalDate firstMonday(YearMonth month) {
    return month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
