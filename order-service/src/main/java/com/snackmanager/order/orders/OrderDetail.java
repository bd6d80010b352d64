package com.snackmanager.order.orders;

import com.snackmanager.events.orders.OrderLine;
import com.snackmanager.events.orders.OrderStatus;
import com.snackmanager.order.catalog.CatalogSnack;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /orders/{uid}/} and the answer to every change: the list fields plus the purchases.
 */
public record OrderDetail(
    String uid,
    OrderStatus status,
    long userId,
    String userEmail,
    Instant createdAt,
    Instant updatedAt,
    Instant estimatedArrivalTime,
    int year,
    int month,
    int day,
    long totalQuantity,
    Map<String, BigDecimal> totals,
    List<PurchaseView> purchaseSet) {

  /**
   * One purchase: the snack as the catalog shows it now, and the quantity, unit price and currency
   * of the order (as they were when it was placed or last edited).
   */
  public record PurchaseView(
      SnackView snack, int quantity, BigDecimal unitPrice, String currency) {}

  /** The snack of a purchase; {@code image} is its image path, or null. */
  public record SnackView(
      String uid, String name, String image, BigDecimal price, String currency) {}

  static OrderDetail of(Order order, List<OrderLine> lines, Map<String, CatalogSnack> catalog) {
    List<PurchaseView> purchases =
        lines.stream()
            .map(
                line -> {
                  CatalogSnack snack = catalog.get(line.snackUid());
                  SnackView view =
                      snack == null
                          // the catalog never forgets a snack; this only guards a lost projection
                          ? new SnackView(line.snackUid(), line.snackName(), null, null, null)
                          : new SnackView(
                              snack.uid(),
                              snack.name(),
                              snack.imageUrl(),
                              snack.price(),
                              snack.currency());
                  return new PurchaseView(view, line.quantity(), line.unitPrice(), line.currency());
                })
            .toList();
    return new OrderDetail(
        order.uid(),
        order.status(),
        order.ownerId(),
        order.ownerEmail(),
        order.createdAt(),
        order.updatedAt(),
        order.estimatedArrivalTime(),
        order.date().year(),
        order.date().month(),
        order.date().day(),
        Totals.quantity(lines),
        Totals.of(lines),
        purchases);
  }
}
