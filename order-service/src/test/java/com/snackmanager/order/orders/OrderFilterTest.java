package com.snackmanager.order.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.defaults.domain.RuleViolation;
import com.snackmanager.events.orders.OrderStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class OrderFilterTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  private static MultiValueMap<String, String> params(String... namesAndValues) {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      params.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return params;
  }

  @Test
  void readsEveryFilter() {
    OrderFilter filter =
        OrderFilter.from(
            params(
                "uid",
                " or_1 ",
                "status",
                "approved",
                "user_id",
                "42",
                "year",
                "2024",
                "month",
                "3",
                "day",
                "31",
                "created_at__gte",
                "2024-03-01T00:00:00+09:00",
                "created_at__lte",
                "2024-03-31"),
            SEOUL);
    assertThat(filter)
        .isEqualTo(
            new OrderFilter(
                "or_1",
                OrderStatus.APPROVED,
                42L,
                2024,
                3,
                31,
                Instant.parse("2024-02-29T15:00:00Z"),
                Instant.parse("2024-03-31T14:59:59.999999Z")));
    assertThat(OrderFilter.from(params(), SEOUL))
        .isEqualTo(new OrderFilter(null, null, null, null, null, null, null, null));
  }

  @Test
  void timesMayOmitTheOffsetOrLoseTheirPlusInTheQueryString() {
    assertThat(OrderFilter.time("2024-03-31T23:30:00", SEOUL, false))
        .isEqualTo(Instant.parse("2024-03-31T14:30:00Z"));
    assertThat(OrderFilter.time("2024-03-31T23:30:00 09:00", SEOUL, false))
        .isEqualTo(Instant.parse("2024-03-31T14:30:00Z"));
    assertThat(OrderFilter.time("2024-03-31T14:30:00Z", SEOUL, true))
        .isEqualTo(Instant.parse("2024-03-31T14:30:00Z"));
    assertThat(OrderFilter.time("2024-04-01", SEOUL, false))
        .isEqualTo(Instant.parse("2024-03-31T15:00:00Z"));
  }

  @Test
  void badValuesAreA400NamingEachFilter() {
    assertThatThrownBy(
            () ->
                OrderFilter.from(
                    params(
                        "status",
                        "LOST",
                        "user_id",
                        "abc",
                        "year",
                        "0",
                        "month",
                        "13",
                        "day",
                        "x",
                        "created_at__gte",
                        "yesterday",
                        "created_at__lte",
                        "2024-02-30"),
                    SEOUL))
        .isInstanceOfSatisfying(
            RuleViolation.class,
            e ->
                assertThat(e.errors())
                    .containsOnlyKeys(
                        "status",
                        "user_id",
                        "year",
                        "month",
                        "day",
                        "created_at__gte",
                        "created_at__lte")
                    .containsEntry("month", List.of("Must be a whole number from 1 to 12."))
                    .containsEntry("created_at__gte", List.of(OrderFilter.TIME_FORMAT)));
  }
}
