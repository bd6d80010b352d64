/**
 * Orders: placing, listing, editing, the strict status flow ({@link
 * com.snackmanager.order.orders.StatusFlow}), the snacks held by undelivered orders, and the {@code
 * snack.orders.v1} events. The rules ({@link com.snackmanager.order.orders.StatusFlow}, {@link
 * com.snackmanager.order.orders.PurchaseRules}, {@link com.snackmanager.order.orders.BusinessDate})
 * are plain Java.
 */
package com.snackmanager.order.orders;
