package com.snackmanager.statistics.period;

import com.snackmanager.defaults.web.ApiException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A series request: one row per period of {@code type} that overlaps {@code range}. The first and
 * last rows count only the days inside the range (their {@code from}/{@code to} say which), so the
 * rows add up to exactly the range.
 */
public record Series(PeriodType type, DateRange range) {

  /**
   * From the {@code period}, {@code from} and {@code to} query parameters.
   *
   * @throws ApiException (400) for a missing or malformed value, {@code from} after {@code to}, or
   *     more rows than {@link PeriodType#maxRows()}
   */
  public static Series parse(String period, String from, String to) {
    PeriodType type = PeriodType.parse(period);
    DateRange range = PeriodSelector.range(from, to);
    Series series = new Series(type, range);
    if (series.rows() > type.maxRows()) {
      throw ApiException.badRequest(
          "A series by "
              + type.name().toLowerCase(java.util.Locale.ROOT)
              + " has at most "
              + type.maxRows()
              + " rows; narrow from/to or choose a longer period.");
    }
    return series;
  }

  /** The periods in order, each clipped to the range. */
  public List<Period> periods() {
    List<Period> periods = new ArrayList<>();
    for (Period period = type.containing(range.from());
        !period.days().from().isAfter(range.to());
        period = period.next()) {
      periods.add(period.clip(range));
    }
    return periods;
  }

  /** How many rows (periods) the series has, counted without listing them. */
  public long rows() {
    LocalDate from = range.from();
    LocalDate to = range.to();
    return switch (type) {
      case DAY -> range.days();
      case WEEK ->
          ChronoUnit.WEEKS.between(
                  type.containing(from).days().from(), type.containing(to).days().from())
              + 1;
      case MONTH -> ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
      case YEAR -> (long) to.getYear() - from.getYear() + 1;
    };
  }

  /** The buckets that answer for this series. */
  public BucketPlan buckets() {
    return type.holdsWholeMonths() ? BucketPlan.of(range) : BucketPlan.daysOnly(range);
  }
}
