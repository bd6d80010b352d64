/**
 * Order figures: the {@code snack.orders.v1} consumer keeps one fact per order and, for every
 * change, moves the order's contribution between the day and month buckets (by status, per
 * currency, per snack); the queries sum buckets per period, and list the orders of a period.
 */
package com.snackmanager.statistics.order;
