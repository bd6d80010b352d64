package com.snackmanager.snack.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * The currencies a price can be in, with the decimals each allows (its ISO 4217 minor unit: won and
 * yen have none) and the largest price that is still a plausible snack rather than a typo.
 */
public enum Currency {
  KRW(0, new BigDecimal("100000000")),
  USD(2, new BigDecimal("100000")),
  JPY(0, new BigDecimal("10000000"));

  private final int decimals;
  private final BigDecimal maxPrice;

  Currency(int decimals, BigDecimal maxPrice) {
    this.decimals = decimals;
    this.maxPrice = maxPrice;
  }

  public int decimals() {
    return decimals;
  }

  public BigDecimal maxPrice() {
    return maxPrice;
  }

  /** A valid price of this currency as it is shown: exactly its number of decimals. */
  public BigDecimal scaled(BigDecimal price) {
    BigDecimal stripped = price.stripTrailingZeros();
    return stripped.scale() <= decimals
        ? price.setScale(decimals, RoundingMode.UNNECESSARY)
        : price;
  }

  /** The currency named by {@code code}, ignoring case and surrounding blanks. */
  public static Optional<Currency> parse(String code) {
    String normal = code.strip().toUpperCase(Locale.ROOT);
    for (Currency currency : values()) {
      if (currency.name().equals(normal)) {
        return Optional.of(currency);
      }
    }
    return Optional.empty();
  }
}
