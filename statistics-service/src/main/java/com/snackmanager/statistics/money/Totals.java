package com.snackmanager.statistics.money;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Money per currency, {@code {"KRW": 11960, "USD": 3.49}}: exact sums (quantity × unit price, never
 * rounded), keyed by currency in alphabetical order like the order-service's totals.
 *
 * <p>Amounts are written without trailing zeros ({@code 3.50} as {@code 3.5}, {@code 12.00} as
 * {@code 12}): a sum kept up to date by adding and subtracting carries the largest scale it ever
 * saw, and a rebuilt one may not, so only the normalised value is the same however it was reached.
 */
public final class Totals {

  private final SortedMap<String, BigDecimal> amounts = new TreeMap<>();

  /** Adds {@code amount} in {@code currency} (a currency added with 0 is present with 0). */
  public Totals add(String currency, BigDecimal amount) {
    amounts.merge(currency, amount, BigDecimal::add);
    return this;
  }

  /** The totals as an unmodifiable map, normalised. */
  public SortedMap<String, BigDecimal> asMap() {
    SortedMap<String, BigDecimal> normalised = new TreeMap<>();
    amounts.forEach((currency, amount) -> normalised.put(currency, normalise(amount)));
    return Collections.unmodifiableSortedMap(normalised);
  }

  /** {@code amount} without trailing zeros and never in exponent form. */
  public static BigDecimal normalise(BigDecimal amount) {
    if (amount.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
