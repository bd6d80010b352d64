package com.snackmanager.statistics.period;

import com.snackmanager.defaults.web.ApiException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * Reads the periods a request names, and refuses (400, naming the field) anything that is not a
 * real period of the supported calendar (years 1900 to 9999).
 *
 * <ul>
 *   <li>path selectors: {@code /{year}}, {@code /{year}/{month}}, {@code /{year}/{month}/{day}},
 *       {@code /{year}/weeks/{iso_week}}, {@code /{year}/{month}/weeks/{n}};
 *   <li>query selectors ({@link #range(MultiValueMap)}): {@code from} and {@code to}, or {@code
 *       year} [{@code month} [{@code day}]], {@code year} + {@code week} (ISO week), {@code year} +
 *       {@code month} + {@code week} (n-th week of the month); none of them means all time.
 * </ul>
 */
public final class PeriodSelector {

  /** The 400 of a period named both by {@code from}/{@code to} and by the calendar. */
  static final String BOTH_WAYS =
      "Name the period either with from/to or with year/month/day/week, not both.";

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final int MIN_YEAR = DateRange.SUPPORTED.from().getYear();
  private static final int MAX_YEAR = DateRange.SUPPORTED.to().getYear();

  private PeriodSelector() {}

  public static Period year(String year) {
    return Period.year(year("year", year));
  }

  public static Period month(String year, String month) {
    return Period.month(yearMonth(year, month));
  }

  public static Period day(String year, String month, String day) {
    YearMonth yearMonth = yearMonth(year, month);
    int dayOfMonth = number("day", day, 1, 31);
    if (dayOfMonth > yearMonth.lengthOfMonth()) {
      throw ApiException.invalidField(
          "day", "day: " + yearMonth + " has " + yearMonth.lengthOfMonth() + " days.");
    }
    return Period.day(yearMonth.atDay(dayOfMonth));
  }

  /** ISO week {@code week} (1 to 52 or 53) of the ISO week-based year {@code year}. */
  public static Period isoWeek(String year, String week) {
    int isoYear = year("year", year);
    int weeks = Period.isoWeeksIn(isoYear);
    int isoWeek = number("week", week, 1, 53);
    if (isoWeek > weeks) {
      throw ApiException.invalidField("week", "week: " + isoYear + " has " + weeks + " ISO weeks.");
    }
    return supported(Period.isoWeek(isoYear, isoWeek));
  }

  /** The n-th week of a month (see {@link Period#weekOfMonth}). */
  public static Period weekOfMonth(String year, String month, String n) {
    YearMonth yearMonth = yearMonth(year, month);
    int weeks = Period.weeksIn(yearMonth);
    int week = number("week", n, 1, 6);
    if (week > weeks) {
      throw ApiException.invalidField(
          "week", "week: " + yearMonth + " has " + weeks + " weeks (week 1 holds its first day).");
    }
    return supported(Period.weekOfMonth(yearMonth, week));
  }

  /** The {@code from}/{@code to} query parameters as a range; both are required. */
  public static DateRange range(String from, String to) {
    if (from == null || from.isBlank()) {
      throw ApiException.invalidField("from", "from: This field is required (YYYY-MM-DD).");
    }
    if (to == null || to.isBlank()) {
      throw ApiException.invalidField("to", "to: This field is required (YYYY-MM-DD).");
    }
    LocalDate start = date("from", from);
    LocalDate end = date("to", to);
    if (start.isAfter(end)) {
      throw ApiException.invalidField("from", "from: " + start + " is after to " + end + ".");
    }
    return new DateRange(start, end);
  }

  /**
   * The days a list request asks for: {@code from}/{@code to}, or the calendar selectors, or all
   * time when none is given.
   */
  public static DateRange range(MultiValueMap<String, String> query) {
    String from = query.getFirst("from");
    String to = query.getFirst("to");
    String year = query.getFirst("year");
    String month = query.getFirst("month");
    String day = query.getFirst("day");
    String week = query.getFirst("week");
    boolean byRange = from != null || to != null;
    boolean byCalendar = year != null || month != null || day != null || week != null;
    if (byRange && byCalendar) {
      throw ApiException.badRequest(BOTH_WAYS);
    }
    if (byRange) {
      return range(from, to);
    }
    if (!byCalendar) {
      return DateRange.SUPPORTED;
    }
    if (year == null) {
      throw ApiException.invalidField(
          "year",
          "year: Required with " + (month != null ? "month" : day != null ? "day" : "week") + ".");
    }
    if (day != null && month == null) {
      throw ApiException.invalidField("month", "month: Required with day.");
    }
    if (day != null && week != null) {
      throw ApiException.invalidField("week", "week: Cannot be combined with day.");
    }
    Period period;
    if (week != null) {
      period = month == null ? isoWeek(year, week) : weekOfMonth(year, month, week);
    } else if (day != null) {
      period = day(year, month, day);
    } else if (month != null) {
      period = month(year, month);
    } else {
      period = year(year);
    }
    return period.days();
  }

  private static Period supported(Period period) {
    return period.clip(DateRange.SUPPORTED);
  }

  private static YearMonth yearMonth(String year, String month) {
    return YearMonth.of(year("year", year), number("month", month, 1, 12));
  }

  private static int year(String field, String raw) {
    return number(field, raw, MIN_YEAR, MAX_YEAR);
  }

  private static int number(String field, String raw, int min, int max) {
    String message = field + ": Must be a whole number from " + min + " to " + max + ".";
    if (raw == null || !raw.trim().matches("\\d{1,9}")) {
      throw ApiException.invalidField(field, message);
    }
    int value = Integer.parseInt(raw.trim());
    if (value < min || value > max) {
      throw ApiException.invalidField(field, message);
    }
    return value;
  }

  private static LocalDate date(String field, String raw) {
    String text = raw.trim();
    LocalDate date = null;
    if (ISO_DATE.matcher(text).matches()) {
      try {
        date = LocalDate.parse(text);
      } catch (DateTimeParseException invalid) {
        // reported below
      }
    }
    if (date == null) {
      throw ApiException.invalidField(
          field, field + ": \"" + raw + "\" is not a date (YYYY-MM-DD).");
    }
    if (!DateRange.SUPPORTED.contains(date)) {
      throw ApiException.invalidField(
          field,
          field
              + ": Must be from "
              + DateRange.SUPPORTED.from()
              + " to "
              + DateRange.SUPPORTED.to()
              + ".");
    }
    return date;
  }
}
