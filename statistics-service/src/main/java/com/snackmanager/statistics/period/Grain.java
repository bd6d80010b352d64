package com.snackmanager.statistics.period;

import java.time.LocalDate;

/**
 * The two sizes of bucket every figure is kept in: one business day, and one month (its bucket date
 * is the month's first day).
 */
public enum Grain {
  DAY("D"),
  MONTH("M");

  private final String code;

  Grain(String code) {
    this.code = code;
  }

  /** The value of the {@code grain} column. */
  public String code() {
    return code;
  }

  /** The bucket of this grain that holds {@code day}. */
  public LocalDate bucketOf(LocalDate day) {
    return this == DAY ? day : day.withDayOfMonth(1);
  }
}
