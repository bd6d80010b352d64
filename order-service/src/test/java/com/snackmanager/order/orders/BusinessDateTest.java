package com.snackmanager.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessDateTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  @Test
  void theDayIsTheOfficesDayNotUtcs() {
    Instant lateMarch31 = OffsetDateTime.parse("2024-03-31T23:30:00+09:00").toInstant();
    assertThat(lateMarch31).isEqualTo(Instant.parse("2024-03-31T14:30:00Z"));
    assertThat(BusinessDate.of(lateMarch31, SEOUL)).isEqualTo(new BusinessDate(2024, 3, 31));

    Instant earlyApril1 = OffsetDateTime.parse("2024-04-01T00:30:00+09:00").toInstant();
    // still March 31 in UTC, but April 1 in the office
    assertThat(earlyApril1).isEqualTo(Instant.parse("2024-03-31T15:30:00Z"));
    assertThat(BusinessDate.of(earlyApril1, SEOUL)).isEqualTo(new BusinessDate(2024, 4, 1));
  }

  @Test
  void anotherZoneGivesAnotherDay() {
    Instant instant = Instant.parse("2024-03-31T15:30:00Z");
    assertThat(BusinessDate.of(instant, ZoneId.of("UTC"))).isEqualTo(new BusinessDate(2024, 3, 31));
    assertThat(BusinessDate.of(instant, ZoneId.of("America/New_York")))
        .isEqualTo(new BusinessDate(2024, 3, 31));
  }
}
