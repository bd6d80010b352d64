package com.snackmanager.statistics.period;

import static com.snackmanager.statistics.period.SeriesTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.defaults.web.ApiException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class PeriodSelectorTest {

  @Test
  void pathSelectors() {
    assertThat(PeriodSelector.year("2024").label()).isEqualTo("2024");
    assertThat(PeriodSelector.month("2024", "3").label()).isEqualTo("2024-03");
    assertThat(PeriodSelector.month("2024", "03").label()).isEqualTo("2024-03");
    assertThat(PeriodSelector.day("2024", "2", "29").label()).isEqualTo("2024-02-29");
    assertThat(PeriodSelector.isoWeek("2020", "53").label()).isEqualTo("2020-W53");
    assertThat(PeriodSelector.weekOfMonth("2024", "3", "1").label()).isEqualTo("2024-W09");
  }

  @Test
  void invalidPathSelectorsAreRefused() {
    assertField(() -> PeriodSelector.year("abc"), "year");
    assertField(() -> PeriodSelector.year("1899"), "year");
    assertField(() -> PeriodSelector.year("10000"), "year");
    assertField(() -> PeriodSelector.year("-1"), "year");
    assertField(() -> PeriodSelector.month("2024", "13"), "month");
    assertField(() -> PeriodSelector.month("2024", "0"), "month");
    assertField(() -> PeriodSelector.day("2023", "2", "29"), "day");
    assertField(() -> PeriodSelector.day("2024", "4", "31"), "day");
    assertField(() -> PeriodSelector.isoWeek("2021", "53"), "week");
    assertField(() -> PeriodSelector.isoWeek("2021", "0"), "week");
    assertField(() -> PeriodSelector.weekOfMonth("2024", "3", "6"), "week");
    assertField(() -> PeriodSelector.weekOfMonth("2024", "9", "7"), "week");
    assertField(() -> PeriodSelector.weekOfMonth("2024", "3", "x"), "week");
  }

  @Test
  void queryRangesByCalendarOrByDates() {
    assertThat(range(Map.of("year", "2024", "month", "4")))
        .isEqualTo(new DateRange(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 30)));
    assertThat(range(Map.of("year", "2024", "month", "4", "day", "1")))
        .isEqualTo(DateRange.of(LocalDate.of(2024, 4, 1)));
    assertThat(range(Map.of("year", "2021", "week", "1")))
        .isEqualTo(new DateRange(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 1, 10)));
    assertThat(range(Map.of("year", "2021", "month", "1", "week", "1")))
        .isEqualTo(new DateRange(LocalDate.of(2020, 12, 28), LocalDate.of(2021, 1, 3)));
    assertThat(range(Map.of("from", "2024-03-31", "to", "2024-04-01")))
        .isEqualTo(new DateRange(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 1)));
    assertThat(range(Map.of())).isEqualTo(DateRange.SUPPORTED);
  }

  @Test
  void inconsistentQuerySelectorsAreRefused() {
    assertThatThrownBy(() -> range(Map.of("year", "2024", "from", "2024-01-01")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("not both");
    assertField(() -> range(Map.of("month", "4")), "year");
    assertField(() -> range(Map.of("year", "2024", "day", "4")), "month");
    assertField(() -> range(Map.of("year", "2024", "month", "4", "day", "1", "week", "1")), "week");
    assertField(() -> range(Map.of("from", "2024-01-01")), "to");
  }

  private static DateRange range(Map<String, String> query) {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    query.forEach(params::add);
    return PeriodSelector.range(params);
  }
}
