package com.snackmanager.order.orders;

import java.math.BigInteger;
import java.util.List;

/**
 * {@code POST /orders/} and {@code PUT /orders/{uid}/}: the whole list of purchases.
 *
 * @param snacks each snack (by uid) and how many; quantities are read as integers of any size so
 *     that an absurd one is a 400 naming the field, not a parse failure
 */
public record OrderRequest(List<Item> snacks) {

  /** One purchase as sent. */
  public record Item(String uid, BigInteger quantity) {}
}
