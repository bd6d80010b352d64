package com.snackmanager.statistics.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.orders.OrderStatus;
import com.snackmanager.statistics.order.OrderChange.Placed;
import com.snackmanager.statistics.order.OrderChange.Revised;
import com.snackmanager.statistics.order.OrderChange.StatusChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderFactTest {

  static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  static final Instant CREATED = Instant.parse("2024-03-31T15:30:00Z"); // 1 April, 00:30 in Seoul
  static final FactLine CHIPS = new FactLine("sn_chips", "Chips", 2, new BigDecimal("5980"), "KRW");
  static final FactLine GUM = new FactLine("sn_gum", "Gum", 1, new BigDecimal("3.49"), "USD");

  static final Placed PLACED =
      new Placed("or_1", 7, "ada@example.com", OrderStatus.CREATED, List.of(CHIPS, GUM), CREATED);
  static final Revised REVISED =
      new Revised("or_1", List.of(GUM), CREATED, CREATED.plusSeconds(600));
  static final StatusChanged APPROVED = new StatusChanged("or_1", OrderStatus.APPROVED, CREATED);
  static final StatusChanged CANCELLED = new StatusChanged("or_1", OrderStatus.CANCELLED, CREATED);

  @Test
  void anOrderIsCountedOnItsDayInTheBusinessTimeZone() {
    OrderFact fact = OrderFact.first(PLACED, SEOUL);
    assertThat(fact.localDate()).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(OrderFact.first(PLACED, ZoneId.of("UTC")).localDate())
        .isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(fact.quantity()).isEqualTo(3);
    assertThat(fact.ownerId()).isEqualTo(7L);
    assertThat(fact.placed()).isTrue();
  }

  @Test
  void everyOrderOfTheEventsGivesTheSameFact() {
    List<OrderChange> inOrder = List.of(PLACED, REVISED, APPROVED, CANCELLED);
    OrderFact expected = replay(inOrder);
    assertThat(expected.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(expected.lines()).containsExactly(GUM);
    assertThat(expected.ownerEmail()).isEqualTo("ada@example.com");

    for (List<OrderChange> permutation : permutations(inOrder)) {
      assertThat(replay(permutation)).as(permutation.toString()).isEqualTo(expected);
    }
  }

  @Test
  void anOrderFirstSeenThroughAStatusChangeIsCountedWithoutOwnerUntilItsPlacementArrives() {
    OrderFact early = OrderFact.first(APPROVED, SEOUL);
    assertThat(early.status()).isEqualTo(OrderStatus.APPROVED);
    assertThat(early.ownerId()).isNull();
    assertThat(early.placed()).isFalse();
    assertThat(early.lines()).isEmpty();
    assertThat(early.localDate()).isEqualTo(LocalDate.of(2024, 4, 1));

    OrderFact placed = early.apply(PLACED, SEOUL);
    assertThat(placed.status()).isEqualTo(OrderStatus.APPROVED);
    assertThat(placed.lines()).containsExactly(CHIPS, GUM);
    assertThat(placed.ownerId()).isEqualTo(7L);
  }

  @Test
  void aRevisionAtTheSameInstantAsThePlacementWins() {
    Revised sameInstant = new Revised("or_1", List.of(GUM), CREATED, CREATED);
    assertThat(OrderFact.first(PLACED, SEOUL).apply(sameInstant, SEOUL).lines())
        .containsExactly(GUM);
    assertThat(OrderFact.first(sameInstant, SEOUL).apply(PLACED, SEOUL).lines())
        .containsExactly(GUM);
  }

  @Test
  void anOlderRevisionDoesNotReplaceNewerLines() {
    Revised later = new Revised("or_1", List.of(CHIPS), CREATED, CREATED.plusSeconds(900));
    OrderFact fact = OrderFact.first(PLACED, SEOUL).apply(later, SEOUL).apply(REVISED, SEOUL);
    assertThat(fact.lines()).containsExactly(CHIPS);
    assertThat(fact.linesAt()).isEqualTo(CREATED.plusSeconds(900));
  }

  @Test
  void statusesOnlyMoveForward() {
    OrderFact shipped =
        OrderFact.first(PLACED, SEOUL)
            .apply(new StatusChanged("or_1", OrderStatus.SHIPPING, CREATED), SEOUL)
            .apply(APPROVED, SEOUL);
    assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPING);
  }

  private static OrderFact replay(List<OrderChange> changes) {
    OrderFact fact = null;
    for (OrderChange change : changes) {
      fact = fact == null ? OrderFact.first(change, SEOUL) : fact.apply(change, SEOUL);
    }
    return fact;
  }

  private static List<List<OrderChange>> permutations(List<OrderChange> items) {
    if (items.size() <= 1) {
      return List.of(items);
    }
    List<List<OrderChange>> all = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<OrderChange> rest = new ArrayList<>(items);
      OrderChange head = rest.remove(i);
      for (List<OrderChange> tail : permutations(rest)) {
        List<OrderChange> permutation = new ArrayList<>();
        permutation.add(head);
        permutation.addAll(tail);
        all.add(Collections.unmodifiableList(permutation));
      }
    }
    return all;
  }
}
