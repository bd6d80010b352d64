package com.snackmanager.order.orders;

import com.snackmanager.defaults.domain.FieldErrors;
import com.snackmanager.defaults.domain.RuleViolation;
import com.snackmanager.events.orders.OrderLine;
import com.snackmanager.order.catalog.CatalogSnack;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an order's list of purchases must be: not empty, at most {@value #MAX_SNACKS} snacks, each
 * snack once, each quantity a whole number from 1 to {@value #MAX_QUANTITY}; and every snack known
 * to the catalog and not retired. Every problem is reported at once, per field.
 */
public final class PurchaseRules {

  public static final int MAX_SNACKS = 100;
  public static final int MAX_QUANTITY = 1000;
  static final int MAX_UID_LENGTH = 64;

  static final String REQUIRED = "This field is required.";
  static final String EMPTY = "An order needs at least one snack.";
  static final String TOO_MANY = "An order can hold at most " + MAX_SNACKS + " different snacks.";
  static final String QUANTITY = "Must be a whole number from 1 to " + MAX_QUANTITY + ".";
  static final String DUPLICATE =
      "This snack is already in the order; order it once with the total quantity.";
  static final String UNKNOWN = "No such snack.";
  static final String RETIRED = "This snack is retired and cannot be ordered.";

  private PurchaseRules() {}

  /**
   * Checks the shape of the request.
   *
   * @return the purchases in the order sent
   * @throws RuleViolation a 400 with {@code errors} otherwise
   */
  public static List<Purchase> check(OrderRequest request) {
    FieldErrors violations = new FieldErrors();
    List<OrderRequest.Item> items = request == null ? null : request.snacks();
    if (items == null) {
      violations.add("snacks", REQUIRED);
      violations.throwIfAny();
    }
    if (items.isEmpty()) {
      violations.add("snacks", EMPTY);
    } else if (items.size() > MAX_SNACKS) {
      violations.add("snacks", TOO_MANY);
    }
    violations.throwIfAny();

    List<Purchase> purchases = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String field = "snacks[" + i + "]";
      OrderRequest.Item item = items.get(i);
      if (item == null) {
        violations.add(field, REQUIRED);
        continue;
      }
      String uid = item.uid() == null ? null : item.uid().trim();
      if (uid == null || uid.isEmpty()) {
        violations.add(field + ".uid", REQUIRED);
      } else if (uid.length() > MAX_UID_LENGTH) {
        violations.add(field + ".uid", UNKNOWN);
      } else if (!seen.add(uid)) {
        violations.add(field + ".uid", DUPLICATE);
      }
      Integer quantity = quantity(item.quantity());
      if (item.quantity() == null) {
        violations.add(field + ".quantity", REQUIRED);
      } else if (quantity == null) {
        violations.add(field + ".quantity", QUANTITY);
      }
      if (violations.isEmpty()) {
        purchases.add(new Purchase(uid, quantity));
      }
    }
    violations.throwIfAny();
    return List.copyOf(purchases);
  }

  /**
   * Prices each purchase from the catalog (unit price and currency as of now).
   *
   * @throws RuleViolation a 400 naming every unknown or retired snack
   */
  public static List<OrderLine> price(List<Purchase> purchases, Map<String, CatalogSnack> catalog) {
    FieldErrors violations = new FieldErrors();
    List<OrderLine> lines = new ArrayList<>();
    for (int i = 0; i < purchases.size(); i++) {
      Purchase purchase = purchases.get(i);
      CatalogSnack snack = catalog.get(purchase.snackUid());
      String field = "snacks[" + i + "].uid";
      if (snack == null) {
        violations.add(field, UNKNOWN);
      } else if (snack.retired()) {
        violations.add(field, RETIRED);
      } else {
        lines.add(
            new OrderLine(
                snack.uid(), snack.name(), purchase.quantity(), snack.price(), snack.currency()));
      }
    }
    violations.throwIfAny();
    return List.copyOf(lines);
  }

  private static Integer quantity(BigInteger raw) {
    if (raw == null
        || raw.compareTo(BigInteger.ONE) < 0
        || raw.compareTo(BigInteger.valueOf(MAX_QUANTITY)) > 0) {
      return null;
    }
    return raw.intValueExact();
  }
}
