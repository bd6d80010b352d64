package com.snackmanager.statistics.csv;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One row of a CSV table: its cells by column name, in column order. */
public interface CsvRow {

  /** The currencies the suite trades in; CSV has a column for each even when its total is 0. */
  List<String> KNOWN_CURRENCIES = List.of("JPY", "KRW", "USD");

  /** Cells by column name, in column order (a {@link LinkedHashMap}). */
  Map<String, Object> csvCells();

  /**
   * Adds {@code totals.<currency>} cells: one per known currency (0 when absent) and one for each
   * other currency present.
   */
  static void putTotals(Map<String, Object> cells, Map<String, BigDecimal> totals) {
    for (String currency : KNOWN_CURRENCIES) {
      cells.put("totals." + currency, totals.getOrDefault(currency, BigDecimal.ZERO));
    }
    totals.forEach(
        (currency, amount) -> {
          if (!KNOWN_CURRENCIES.contains(currency)) {
            cells.put("totals." + currency, amount);
          }
        });
  }

  /** The cells of the totals columns an empty table still shows. */
  static List<String> totalsColumns() {
    return KNOWN_CURRENCIES.stream().map(currency -> "totals." + currency).toList();
  }

  /** {@code columns}, then the {@link #totalsColumns()}. */
  static List<String> withTotalsColumns(String... columns) {
    return Stream.concat(Stream.of(columns), totalsColumns().stream()).toList();
  }
}
