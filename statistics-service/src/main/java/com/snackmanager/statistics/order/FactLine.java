package com.snackmanager.statistics.order;

import java.math.BigDecimal;

/** One purchase of an order as the statistics keep it. */
public record FactLine(
    String snackUid, String snackName, int quantity, BigDecimal unitPrice, String currency) {

  public BigDecimal amount() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity));
  }
}
