package com.snackmanager.order.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.defaults.domain.RuleViolation;
import com.snackmanager.events.orders.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusFlowTest {

  private static final Instant NOW = Instant.parse("2024-04-01T00:00:00Z");
  private static final Instant LATER = NOW.plus(Duration.ofDays(2));

  private static final Set<List<OrderStatus>> ALLOWED =
      Set.of(
          List.of(OrderStatus.CREATED, OrderStatus.APPROVED),
          List.of(OrderStatus.APPROVED, OrderStatus.ORDERED),
          List.of(OrderStatus.ORDERED, OrderStatus.SHIPPING),
          List.of(OrderStatus.SHIPPING, OrderStatus.COMPLETED),
          List.of(OrderStatus.CREATED, OrderStatus.CANCELLED),
          List.of(OrderStatus.APPROVED, OrderStatus.CANCELLED));

  /** All 36 (from, to) pairs, the same-state ones included. */
  static Stream<Arguments> everyPair() {
    List<Arguments> pairs = new ArrayList<>();
    for (OrderStatus from : OrderStatus.values()) {
      for (OrderStatus to : OrderStatus.values()) {
        pairs.add(Arguments.of(from, to));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("everyPair")
  void everyPairIsAllowedOrRefusedNamingBothStates(OrderStatus from, OrderStatus to) {
    boolean allowed = ALLOWED.contains(List.of(from, to));
    assertThat(StatusFlow.allows(from, to)).isEqualTo(allowed);
    Instant arrival = StatusFlow.takesArrival(to) ? LATER : null;
    if (allowed) {
      assertThatCode(() -> StatusFlow.check(from, to, arrival, null, NOW, List.of()))
          .doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> StatusFlow.check(from, to, arrival, null, NOW, List.of()))
          .isInstanceOfSatisfying(
              RuleViolation.class,
              e -> {
                assertThat(e.detail())
                    .isEqualTo("Cannot change status from " + from + " to " + to + ".");
                assertThat(e.errors()).containsEntry("status", List.of(e.detail()));
              });
    }
  }

  @Test
  void orderedAndShippingNeedAnArrivalTimeThatIsNotInThePast() {
    for (OrderStatus to : List.of(OrderStatus.ORDERED, OrderStatus.SHIPPING)) {
      assertThatThrownBy(() -> StatusFlow.checkArrival(to, null, null, NOW))
          .isInstanceOfSatisfying(
              RuleViolation.class,
              e -> {
                assertThat(e.detail())
                    .isEqualTo("estimated_arrival_time is required when moving to " + to + ".");
                assertThat(e.errors()).containsKey("estimated_arrival_time");
              });
      assertThatThrownBy(() -> StatusFlow.checkArrival(to, NOW.minusSeconds(1), null, NOW))
          .hasMessage("estimated_arrival_time must not be in the past.");
      assertThat(StatusFlow.checkArrival(to, NOW, null, NOW)).isEqualTo(NOW);
    }
  }

  @Test
  void shippingRevisesTheArrivalTime() {
    Instant revised = LATER.plus(Duration.ofDays(1));
    assertThat(StatusFlow.checkArrival(OrderStatus.SHIPPING, revised, LATER, NOW))
        .isEqualTo(revised);
  }

  @Test
  void otherMovesRefuseAnArrivalTimeAndKeepTheCurrentOne() {
    for (OrderStatus to :
        List.of(
            OrderStatus.CREATED,
            OrderStatus.APPROVED,
            OrderStatus.COMPLETED,
            OrderStatus.CANCELLED)) {
      assertThatThrownBy(() -> StatusFlow.checkArrival(to, LATER, null, NOW))
          .hasMessage(
              "estimated_arrival_time is accepted only when moving to ORDERED or SHIPPING, not to "
                  + to
                  + ".");
      assertThat(StatusFlow.checkArrival(to, null, LATER, NOW)).isEqualTo(LATER);
    }
  }

  @Test
  void approvingAndOrderingAreRefusedWhileASnackIsHated() {
    List<String> hated = List.of("Buldak (sn_1)", "Binch (sn_2)");
    Map<OrderStatus, OrderStatus> moves =
        Map.of(
            OrderStatus.CREATED, OrderStatus.APPROVED, OrderStatus.APPROVED, OrderStatus.ORDERED);
    moves.forEach(
        (from, to) ->
            assertThatThrownBy(
                    () ->
                        StatusFlow.check(
                            from, to, StatusFlow.takesArrival(to) ? LATER : null, null, NOW, hated))
                .hasMessage(
                    "Cannot change status to "
                        + to
                        + " while a snack in the order is hated: Buldak (sn_1), Binch (sn_2)."));
    // the other moves do not look at reactions
    assertThatCode(
            () ->
                StatusFlow.check(
                    OrderStatus.ORDERED, OrderStatus.SHIPPING, LATER, null, NOW, hated))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                StatusFlow.check(
                    OrderStatus.CREATED, OrderStatus.CANCELLED, null, null, NOW, hated))
        .doesNotThrowAnyException();
  }

  @Test
  void anIllegalMoveIsReportedBeforeTheArrivalTimeAndTheHatedSnacks() {
    assertThatThrownBy(
            () ->
                StatusFlow.check(
                    OrderStatus.CREATED, OrderStatus.ORDERED, null, null, NOW, List.of("X (sn)")))
        .hasMessage("Cannot change status from CREATED to ORDERED.");
  }

  @Test
  void onlyUndeliveredOrdersHoldTheirSnacks() {
    assertThat(OrderStatus.CREATED.holdsSnacks()).isTrue();
    assertThat(OrderStatus.APPROVED.holdsSnacks()).isTrue();
    assertThat(OrderStatus.ORDERED.holdsSnacks()).isTrue();
    assertThat(OrderStatus.SHIPPING.holdsSnacks()).isTrue();
    assertThat(OrderStatus.COMPLETED.holdsSnacks()).isFalse();
    assertThat(OrderStatus.CANCELLED.holdsSnacks()).isFalse();
  }

  @Test
  void statusesParseCaseInsensitively() {
    assertThat(OrderStatus.find(" approved ")).contains(OrderStatus.APPROVED);
    assertThat(OrderStatus.find("DELIVERED")).isEmpty();
    assertThat(OrderStatus.invalidChoice("DELIVERED"))
        .isEqualTo(
            "\"DELIVERED\" is not a valid status; choose one of CREATED, APPROVED, ORDERED,"
                + " SHIPPING, COMPLETED, CANCELLED.");
  }
}
