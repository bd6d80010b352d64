package com.snackmanager.statistics.order;

import com.snackmanager.events.orders.OrderStatus;
import com.snackmanager.statistics.csv.CsvExportable;
import com.snackmanager.statistics.csv.CsvRow;
import com.snackmanager.statistics.csv.CsvTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The order figures of one period.
 *
 * @param period the period's label: {@code 2024-03-31}, {@code 2024-W13}, {@code 2024-03}, {@code
 *     2024}
 * @param from the first day counted (the period's first day, or the range's in a clipped row)
 * @param to the last day counted
 * @param orderCount orders created in the period, whatever their status
 * @param snackQuantity snacks in those orders, cancelled orders left out
 * @param totals money per currency, cancelled orders left out
 * @param byStatus orders per current status, every status listed
 */
public record PeriodFigures(
    String period,
    LocalDate from,
    LocalDate to,
    long orderCount,
    long snackQuantity,
    SortedMap<String, BigDecimal> totals,
    Map<String, Long> byStatus)
    implements CsvRow, CsvExportable {

  /** The columns of a table of period figures. */
  public static final List<String> COLUMNS = columns();

  @Override
  public Map<String, Object> csvCells() {
    Map<String, Object> cells = new LinkedHashMap<>();
    cells.put("period", period);
    cells.put("from", from);
    cells.put("to", to);
    cells.put("order_count", orderCount);
    cells.put("snack_quantity", snackQuantity);
    CsvRow.putTotals(cells, totals);
    byStatus.forEach((status, count) -> cells.put("by_status." + status, count));
    return cells;
  }

  @Override
  public CsvTable toCsv() {
    return CsvTable.of(COLUMNS, List.of(this));
  }

  private static List<String> columns() {
    List<String> columns =
        new ArrayList<>(
            CsvRow.withTotalsColumns("period", "from", "to", "order_count", "snack_quantity"));
    for (OrderStatus status : OrderStatus.values()) {
      columns.add("by_status." + status.name());
    }
    return List.copyOf(columns);
  }
}
