package com.snackmanager.order.orders;

import com.snackmanager.events.orders.OrderLine;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Money per currency, never summed across currencies: {@code {"KRW": 11960, "USD": 3.49}}. Amounts
 * are exact decimals (quantity × unit price, added without rounding).
 */
public final class Totals {

  private Totals() {}

  public static SortedMap<String, BigDecimal> of(Collection<OrderLine> lines) {
    SortedMap<String, BigDecimal> totals = new TreeMap<>();
    for (OrderLine line : lines) {
      totals.merge(
          line.currency(),
          line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())),
          BigDecimal::add);
    }
    return Collections.unmodifiableSortedMap(totals);
  }

  public static long quantity(Collection<OrderLine> lines) {
    return lines.stream().mapToLong(OrderLine::quantity).sum();
  }
}
