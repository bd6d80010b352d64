package com.snackmanager.statistics.order;

import static com.snackmanager.statistics.order.OrderFactTest.APPROVED;
import static com.snackmanager.statistics.order.OrderFactTest.CANCELLED;
import static com.snackmanager.statistics.order.OrderFactTest.CHIPS;
import static com.snackmanager.statistics.order.OrderFactTest.GUM;
import static com.snackmanager.statistics.order.OrderFactTest.PLACED;
import static com.snackmanager.statistics.order.OrderFactTest.REVISED;
import static com.snackmanager.statistics.order.OrderFactTest.SEOUL;
import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.orders.OrderStatus;
import com.snackmanager.statistics.order.Contribution.Counts;
import com.snackmanager.statistics.order.Contribution.CurrencyKey;
import com.snackmanager.statistics.order.Contribution.Money;
import com.snackmanager.statistics.order.Contribution.SnackKey;
import com.snackmanager.statistics.order.Contribution.StatusKey;
import com.snackmanager.statistics.period.Grain;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContributionTest {

  static final LocalDate DAY = LocalDate.of(2024, 4, 1);

  @Test
  void anOrderCountsOnItsDayAndInItsMonth() {
    Contribution placed = Contribution.of(OrderFact.first(PLACED, SEOUL));
    assertThat(placed.statuses())
        .containsExactly(
            Map.entry(new StatusKey(Grain.DAY, DAY, OrderStatus.CREATED), new Counts(1, 3)),
            Map.entry(new StatusKey(Grain.MONTH, DAY, OrderStatus.CREATED), new Counts(1, 3)));
    assertThat(placed.totals())
        .containsEntry(
            new CurrencyKey(Grain.DAY, DAY, "KRW"), new Money(1, new BigDecimal("11960")))
        .containsEntry(
            new CurrencyKey(Grain.MONTH, DAY, "USD"), new Money(1, new BigDecimal("3.49")));
    assertThat(placed.snacks())
        .containsEntry(new SnackKey(Grain.DAY, DAY, "sn_chips"), new Counts(1, 2));
  }

  @Test
  void aBatchsChangesSumToWhatTheyDoOneAfterAnother() {
    OrderFact created = OrderFact.first(PLACED, SEOUL);
    OrderFact approved = created.apply(APPROVED, SEOUL);
    Contribution placing = Contribution.of(created).minus(Contribution.NONE);
    Contribution approving = Contribution.of(approved).minus(Contribution.of(created));

    assertThat(placing.plus(approving)).isEqualTo(Contribution.of(approved));
    assertThat(approving.plus(Contribution.NONE.minus(approving)).isEmpty()).isTrue();
    assertThat(Contribution.NONE.plus(approving)).isEqualTo(approving);
  }

  @Test
  void aStatusChangeMovesTheOrderBetweenStatuses() {
    OrderFact created = OrderFact.first(PLACED, SEOUL);
    Contribution delta =
        Contribution.of(created.apply(APPROVED, SEOUL)).minus(Contribution.of(created));
    assertThat(delta.statuses())
        .containsExactly(
            Map.entry(new StatusKey(Grain.DAY, DAY, OrderStatus.APPROVED), new Counts(1, 3)),
            Map.entry(new StatusKey(Grain.DAY, DAY, OrderStatus.CREATED), new Counts(-1, -3)),
            Map.entry(new StatusKey(Grain.MONTH, DAY, OrderStatus.APPROVED), new Counts(1, 3)),
            Map.entry(new StatusKey(Grain.MONTH, DAY, OrderStatus.CREATED), new Counts(-1, -3)));
    assertThat(delta.totals()).isEmpty();
    assertThat(delta.snacks()).isEmpty();
  }

  @Test
  void aCancelledOrderKeepsItsCountButLeavesQuantityAndMoney() {
    OrderFact created = OrderFact.first(PLACED, SEOUL);
    Contribution cancelled = Contribution.of(created.apply(CANCELLED, SEOUL));
    assertThat(cancelled.statuses())
        .containsEntry(new StatusKey(Grain.DAY, DAY, OrderStatus.CANCELLED), new Counts(1, 0));
    assertThat(cancelled.totals()).isEmpty();
    assertThat(cancelled.snacks()).isEmpty();
    assertThat(cancelled.snackTotals()).isEmpty();
  }

  @Test
  void aRevisionSwapsTheLines() {
    OrderFact created = OrderFact.first(PLACED, SEOUL);
    Contribution delta =
        Contribution.of(created.apply(REVISED, SEOUL)).minus(Contribution.of(created));
    assertThat(delta.statuses())
        .containsEntry(new StatusKey(Grain.DAY, DAY, OrderStatus.CREATED), new Counts(0, -2));
    assertThat(delta.totals())
        .containsOnlyKeys(
            new CurrencyKey(Grain.DAY, DAY, "KRW"), new CurrencyKey(Grain.MONTH, DAY, "KRW"));
    assertThat(delta.totals().get(new CurrencyKey(Grain.DAY, DAY, "KRW")))
        .isEqualTo(new Money(-1, new BigDecimal("-11960")));
    assertThat(delta.snacks())
        .containsOnlyKeys(
            new SnackKey(Grain.DAY, DAY, "sn_chips"), new SnackKey(Grain.MONTH, DAY, "sn_chips"));
  }

  @Test
  void aSnackNamedOnTwoLinesCountsOneOrder() {
    FactLine more = new FactLine("sn_chips", "Chips", 3, new BigDecimal("5980"), "KRW");
    OrderFact fact =
        OrderFact.first(
            new OrderChange.Placed(
                "or_2",
                1,
                null,
                OrderStatus.CREATED,
                List.of(CHIPS, more, GUM),
                PLACED.createdAt()),
            SEOUL);
    assertThat(Contribution.of(fact).snacks())
        .containsEntry(new SnackKey(Grain.DAY, DAY, "sn_chips"), new Counts(1, 5));
  }

  @Test
  void aContributionMinusItselfIsEmpty() {
    Contribution placed = Contribution.of(OrderFact.first(PLACED, SEOUL));
    assertThat(placed.minus(placed).isEmpty()).isTrue();
    assertThat(Contribution.NONE.minus(Contribution.NONE).isEmpty()).isTrue();
  }
}
