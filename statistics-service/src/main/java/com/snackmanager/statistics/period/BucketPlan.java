package com.snackmanager.statistics.period;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Which buckets answer for a range of days: the month buckets of every whole month inside it, and
 * the day buckets of the days left over at either end (at most two partial months). So summing a
 * year reads about 12 month rows, not 365 day rows, and never anything per order.
 *
 * @param days day-bucket ranges (0 to 2)
 * @param months the first days of the first and last whole month, or null when there is none
 */
public record BucketPlan(List<DateRange> days, DateRange months) {

  public BucketPlan {
    days = List.copyOf(days);
  }

  /** Day buckets only: for series by day or week, whose periods do not hold whole months. */
  public static BucketPlan daysOnly(DateRange range) {
    return new BucketPlan(List.of(range), null);
  }

  /** Month buckets for the whole months inside {@code range}, day buckets for the rest. */
  public static BucketPlan of(DateRange range) {
    YearMonth first = YearMonth.from(range.from());
    if (range.from().getDayOfMonth() != 1) {
      first = first.plusMonths(1);
    }
    YearMonth last = YearMonth.from(range.to());
    if (!range.to().equals(last.atEndOfMonth())) {
      last = last.minusMonths(1);
    }
    if (first.isAfter(last)) {
      return daysOnly(range);
    }
    List<DateRange> days = new ArrayList<>(2);
    if (range.from().isBefore(first.atDay(1))) {
      days.add(new DateRange(range.from(), first.atDay(1).minusDays(1)));
    }
    if (range.to().isAfter(last.atEndOfMonth())) {
      days.add(new DateRange(last.atEndOfMonth().plusDays(1), range.to()));
    }
    return new BucketPlan(days, new DateRange(first.atDay(1), last.atDay(1)));
  }

  /**
   * The SQL condition selecting these buckets from a table with {@code grain} and {@code bucket}
   * columns; its parameters are {@link #bindings()}.
   */
  public String condition() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      parts.add("(grain = 'D' AND bucket BETWEEN :day" + i + "From AND :day" + i + "To)");
    }
    if (months != null) {
      parts.add("(grain = 'M' AND bucket BETWEEN :monthFrom AND :monthTo)");
    }
    return "(" + String.join(" OR ", parts) + ")";
  }

  /** Binds the parameters of {@link #condition()} to {@code spec}. */
  public GenericExecuteSpec bind(GenericExecuteSpec spec) {
    GenericExecuteSpec bound = spec;
    for (Map.Entry<String, Object> binding : bindings().entrySet()) {
      bound = bound.bind(binding.getKey(), binding.getValue());
    }
    return bound;
  }

  public Map<String, Object> bindings() {
    Map<String, Object> bindings = new LinkedHashMap<>();
    for (int i = 0; i < days.size(); i++) {
      bindings.put("day" + i + "From", days.get(i).from());
      bindings.put("day" + i + "To", days.get(i).to());
    }
    if (months != null) {
      bindings.put("monthFrom", months.from());
      bindings.put("monthTo", months.to());
    }
    return bindings;
  }
}
