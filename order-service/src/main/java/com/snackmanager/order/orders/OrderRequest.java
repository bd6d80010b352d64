package com.snackmanager.order.orders;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigInteger;
import java.util.List;

/**
 * {@code POST /orders/} and {@code PUT /orders/{uid}/}: the whole list of purchases.
 *
 * @param snacks each snack (by uid) and how many; quantities are read as integers of any size so
 *     that an absurd one is a 400 naming the field, not a parse failure
 */
public record OrderRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Item> snacks) {

  /** One purchase as sent. */
  @Schema(name = "OrderRequestItem")
  public record Item(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String uid,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "1000")
          BigInteger quantity) {}
}
