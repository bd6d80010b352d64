/**
 * Order figures: the {@code snack.orders.v1} consumer keeps one fact per order and, for every
 * change, moves the order's contribution between the day and month buckets (by status, per
 * currency, per snack, and all of an order's figures summed per bucket); the queries sum buckets
 * per period (answers kept until a change of their days), and list the orders of a period.
 */
package com.snackmanager.statistics.order;
