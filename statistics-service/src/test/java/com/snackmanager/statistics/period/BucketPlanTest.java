package com.snackmanager.statistics.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BucketPlanTest {

  @Test
  void wholeMonthsComeFromMonthBucketsAndTheEndsFromDayBuckets() {
    BucketPlan plan =
        BucketPlan.of(new DateRange(LocalDate.of(2024, 1, 20), LocalDate.of(2024, 12, 5)));
    assertThat(plan.months())
        .isEqualTo(new DateRange(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 11, 1)));
    assertThat(plan.days())
        .containsExactly(
            new DateRange(LocalDate.of(2024, 1, 20), LocalDate.of(2024, 1, 31)),
            new DateRange(LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 5)));
    assertThat(plan.condition())
        .isEqualTo(
            "((grain = 'D' AND bucket BETWEEN :day0From AND :day0To)"
                + " OR (grain = 'D' AND bucket BETWEEN :day1From AND :day1To)"
                + " OR (grain = 'M' AND bucket BETWEEN :monthFrom AND :monthTo))");
    assertThat(plan.bindings()).hasSize(6);
  }

  @Test
  void aYearIsTwelveMonthBucketsAndAWeekOnlyDays() {
    BucketPlan year = BucketPlan.of(Period.year(2024).days());
    assertThat(year.days()).isEmpty();
    assertThat(year.months())
        .isEqualTo(new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 1)));

    BucketPlan week = BucketPlan.of(Period.isoWeek(2024, 9).days());
    assertThat(week.months()).isNull();
    assertThat(week.days()).containsExactly(Period.isoWeek(2024, 9).days());
  }

  @Test
  void aRangeInsideOneMonthIsDaysOnly() {
    DateRange range = new DateRange(LocalDate.of(2024, 2, 2), LocalDate.of(2024, 2, 28));
    assertThat(BucketPlan.of(range)).isEqualTo(BucketPlan.daysOnly(range));
    DateRange february = new DateRange(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));
    assertThat(BucketPlan.of(february).days()).isEmpty();
  }
}
