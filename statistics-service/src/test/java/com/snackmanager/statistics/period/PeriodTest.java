package com.snackmanager.statistics.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PeriodTest {

  @Test
  void isoWeekOneOfAYearThatStartsMidWeekBeginsOnTheFirstMonday() {
    // 2021-01-01 is a Friday: it belongs to the last ISO week of 2020
    assertThat(Period.isoWeek(LocalDate.of(2021, 1, 1)))
        .isEqualTo(
            new Period(
                PeriodType.WEEK,
                new DateRange(LocalDate.of(2020, 12, 28), LocalDate.of(2021, 1, 3)),
                "2020-W53"));
    assertThat(Period.isoWeek(2021, 1).days())
        .isEqualTo(new DateRange(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 1, 10)));
    assertThat(Period.isoWeek(2021, 1).label()).isEqualTo("2021-W01");
    // 2025-01-01 is a Wednesday: ISO week 1 of 2025 starts in 2024
    assertThat(Period.isoWeek(2025, 1).days().from()).isEqualTo(LocalDate.of(2024, 12, 30));
    assertThat(Period.isoWeek(LocalDate.of(2024, 12, 31)).label()).isEqualTo("2025-W01");
  }

  @Test
  void yearsHave52Or53IsoWeeks() {
    assertThat(Period.isoWeeksIn(2020)).isEqualTo(53);
    assertThat(Period.isoWeeksIn(2021)).isEqualTo(52);
    assertThat(Period.isoWeeksIn(2024)).isEqualTo(52);
    assertThat(Period.isoWeeksIn(2026)).isEqualTo(53);
    assertThat(Period.isoWeek(2020, 53).days())
        .isEqualTo(new DateRange(LocalDate.of(2020, 12, 28), LocalDate.of(2021, 1, 3)));
  }

  @Test
  void weekOneOfAMonthIsTheIsoWeekHoldingItsFirstDay() {
    // March 2024 starts on a Friday: week 1 runs from Monday 26 February
    Period first = Period.weekOfMonth(YearMonth.of(2024, 3), 1);
    assertThat(first.days())
        .isEqualTo(new DateRange(LocalDate.of(2024, 2, 26), LocalDate.of(2024, 3, 3)));
    assertThat(first.label()).isEqualTo("2024-W09");
    assertThat(Period.weekOfMonth(YearMonth.of(2024, 3), 5).label()).isEqualTo("2024-W13");
    assertThat(Period.weeksIn(YearMonth.of(2024, 3))).isEqualTo(5);
    // April 2024 starts on a Monday
    assertThat(Period.weekOfMonth(YearMonth.of(2024, 4), 1).days().from())
        .isEqualTo(LocalDate.of(2024, 4, 1));
    // September 2024: Sunday the 1st to Monday the 30th spans six ISO weeks
    assertThat(Period.weeksIn(YearMonth.of(2024, 9))).isEqualTo(6);
    // February 2021: Monday the 1st to Sunday the 28th, exactly four
    assertThat(Period.weeksIn(YearMonth.of(2021, 2))).isEqualTo(4);
  }

  @Test
  void labelsAndNextPeriods() {
    assertThat(Period.day(LocalDate.of(2024, 3, 31)).next().label()).isEqualTo("2024-04-01");
    assertThat(Period.month(YearMonth.of(2024, 12)).next().label()).isEqualTo("2025-01");
    assertThat(Period.year(2024).next().label()).isEqualTo("2025");
    assertThat(Period.isoWeek(2020, 53).next().label()).isEqualTo("2021-W01");
    assertThat(Period.month(YearMonth.of(2024, 2)).days().to())
        .isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  void clippingKeepsOnlyTheDaysInsideARange() {
    DateRange range = new DateRange(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 4, 10));
    assertThat(Period.month(YearMonth.of(2024, 3)).clip(range).days())
        .isEqualTo(new DateRange(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 3, 31)));
    assertThat(Period.month(YearMonth.of(2024, 5)).clip(range)).isNull();
  }
}
