package com.snackmanager.statistics.order;

import com.snackmanager.events.orders.OrderStatus;
import com.snackmanager.statistics.money.Totals;
import com.snackmanager.statistics.period.Period;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums bucket rows ({@code order_bucket_figures}) into the figures of periods: every period starts
 * at zero (series are zero-filled), every status is listed, and a currency appears in the totals
 * once an order line in it counts.
 */
final class FiguresBuilder {

  private final Map<String, Sums> byLabel = new LinkedHashMap<>();

  private static final class Sums {
    final Period period;
    long orders;
    long quantity;
    final Map<OrderStatus, Long> byStatus = new LinkedHashMap<>();
    final Totals totals = new Totals();
    final Map<String, Long> lines = new LinkedHashMap<>();

    Sums(Period period) {
      this.period = period;
      for (OrderStatus status : OrderStatus.values()) {
        byStatus.put(status, 0L);
      }
    }
  }

  FiguresBuilder(List<Period> periods) {
    periods.forEach(period -> byLabel.put(period.label(), new Sums(period)));
  }

  /** Adds {@code orders} orders of {@code status} to the period labelled {@code label}. */
  void addOrders(String label, OrderStatus status, long orders) {
    Sums sums = sums(label);
    sums.orders += orders;
    sums.byStatus.merge(status, orders, Long::sum);
  }

  /** Adds {@code quantity} snacks to the period labelled {@code label}. */
  void addQuantity(String label, long quantity) {
    sums(label).quantity += quantity;
  }

  /** Adds {@code lines} order lines worth {@code amount} in {@code currency}. */
  void addTotal(String label, String currency, long lines, BigDecimal amount) {
    Sums sums = sums(label);
    sums.totals.add(currency, amount);
    sums.lines.merge(currency, lines, Long::sum);
  }

  List<PeriodFigures> build() {
    List<PeriodFigures> figures = new ArrayList<>(byLabel.size());
    for (Sums sums : byLabel.values()) {
      var totals = new java.util.TreeMap<>(sums.totals.asMap());
      totals.keySet().removeIf(currency -> sums.lines.getOrDefault(currency, 0L) <= 0);
      Map<String, Long> byStatus = new LinkedHashMap<>();
      sums.byStatus.forEach((status, count) -> byStatus.put(status.name(), count));
      figures.add(
          new PeriodFigures(
              sums.period.label(),
              sums.period.days().from(),
              sums.period.days().to(),
              sums.orders,
              sums.quantity,
              java.util.Collections.unmodifiableSortedMap(totals),
              java.util.Collections.unmodifiableMap(byStatus)));
    }
    return figures;
  }

  private Sums sums(String label) {
    Sums sums = byLabel.get(label);
    if (sums == null) {
      throw new IllegalStateException("A bucket outside the requested periods: " + label);
    }
    return sums;
  }
}
