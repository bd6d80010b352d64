package com.snackmanager.statistics.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.defaults.web.ApiException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesTest {

  @Test
  void aSeriesHasOneClippedRowPerPeriodOverlappingTheRange() {
    Series months = Series.parse("month", "2024-03-15", "2024-05-31");
    assertThat(months.periods())
        .extracting(Period::label)
        .containsExactly("2024-03", "2024-04", "2024-05");
    assertThat(months.periods().get(0).days().from()).isEqualTo(LocalDate.of(2024, 3, 15));
    assertThat(months.periods().get(2).days().to()).isEqualTo(LocalDate.of(2024, 5, 31));

    Series weeks = Series.parse("WEEK", "2020-12-31", "2021-01-11");
    assertThat(weeks.periods())
        .extracting(Period::label)
        .containsExactly("2020-W53", "2021-W01", "2021-W02");
    assertThat(weeks.buckets().months()).isNull();

    assertThat(Series.parse("day", "2024-02-28", "2024-03-01").periods())
        .extracting(Period::label)
        .containsExactly("2024-02-28", "2024-02-29", "2024-03-01");
    assertThat(Series.parse("year", "2023-06-01", "2024-01-01").periods())
        .extracting(Period::label)
        .containsExactly("2023", "2024");
  }

  @Test
  void monthAndYearSeriesReadMonthBucketsForWholeMonths() {
    BucketPlan plan = Series.parse("month", "2024-03-15", "2024-05-31").buckets();
    assertThat(plan.months())
        .isEqualTo(new DateRange(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 5, 1)));
    assertThat(plan.days())
        .containsExactly(new DateRange(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 3, 31)));
  }

  @Test
  void badParametersAreRefusedNamingTheField() {
    assertField(() -> Series.parse(null, "2024-01-01", "2024-01-02"), "period");
    assertField(() -> Series.parse("quarter", "2024-01-01", "2024-01-02"), "period");
    assertField(() -> Series.parse("day", null, "2024-01-02"), "from");
    assertField(() -> Series.parse("day", "2024-01-01", ""), "to");
    assertField(() -> Series.parse("day", "2024-02-30", "2024-03-01"), "from");
    assertField(() -> Series.parse("day", "2024-1-1", "2024-03-01"), "from");
    assertField(() -> Series.parse("day", "yesterday", "2024-03-01"), "from");
    assertField(() -> Series.parse("day", "2024-03-02", "2024-03-01"), "from");
    assertField(() -> Series.parse("day", "1899-12-31", "2024-03-01"), "from");
  }

  @Test
  void seriesAreCappedInRows() {
    assertThat(Series.parse("day", "2014-01-01", "2024-01-08").periods()).hasSize(3660);
    assertThatThrownBy(() -> Series.parse("day", "2014-01-01", "2024-01-09"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("at most 3660 rows");
    assertThat(Series.parse("year", "1925-01-01", "2024-12-31").periods()).hasSize(100);
    assertThatThrownBy(() -> Series.parse("year", "1924-12-31", "2024-12-31"))
        .isInstanceOf(ApiException.class);
    assertThat(Series.parse("month", "1900-01-01", "1999-12-31").periods()).hasSize(1200);
    assertThatThrownBy(() -> Series.parse("week", "2000-01-01", "2030-01-01"))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void rowsCountThePeriodsWithoutListingThem() {
    for (String type : List.of("day", "week", "month", "year")) {
      for (String[] range :
          new String[][] {
            {"2024-03-15", "2024-03-15"},
            {"2020-12-28", "2021-01-03"},
            {"2020-12-31", "2021-01-11"},
            {"2023-06-01", "2025-01-01"},
            {"2024-02-26", "2024-03-31"},
            {"9990-01-01", "9999-12-31"}
          }) {
        if (type.equals("day") && range[0].startsWith("99")) {
          continue;
        }
        Series series = Series.parse(type, range[0], range[1]);
        assertThat(series.rows())
            .as(type + " " + range[0] + ".." + range[1])
            .isEqualTo(series.periods().size());
      }
    }
  }

  static void assertField(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(400);
              assertThat(e.errors()).containsKey(field);
              assertThat(e.errors().get(field)).isEqualTo(List.of(e.detail()));
            });
  }
}
