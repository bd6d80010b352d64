/**
 * Snacks: their names from {@code snack.catalog.v1} (the {@code snack} table, shared with the
 * reaction counts) and their order figures per period, read from the per-snack buckets the order
 * consumer keeps.
 */
package com.snackmanager.statistics.snack;
