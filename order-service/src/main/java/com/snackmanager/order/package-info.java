/**
 * The order-service: members order snacks on a shared board, admins move orders through a strict
 * status flow. Snack facts (price, currency, retired, hated) come from its own projections of the
 * catalog and reaction events; every change is published on {@code snack.orders.v1} through the
 * outbox.
 */
package com.snackmanager.order;
