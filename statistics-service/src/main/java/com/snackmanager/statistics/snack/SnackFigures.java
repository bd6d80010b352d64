package com.snackmanager.statistics.snack;

import com.snackmanager.statistics.csv.CsvRow;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One snack's order figures in a period, cancelled orders left out.
 *
 * @param name the catalog's name, else the name on its latest order line (null if neither is known)
 * @param quantity snacks ordered
 * @param orderCount orders that hold the snack
 * @param totals money per currency
 */
public record SnackFigures(
    String snackUid,
    String name,
    long quantity,
    long orderCount,
    SortedMap<String, BigDecimal> totals)
    implements CsvRow {

  public static final List<String> COLUMNS =
      CsvRow.withTotalsColumns("snack_uid", "name", "quantity", "order_count");

  @Override
  public Map<String, Object> csvCells() {
    Map<String, Object> cells = new LinkedHashMap<>();
    cells.put("snack_uid", snackUid);
    cells.put("name", name);
    cells.put("quantity", quantity);
    cells.put("order_count", orderCount);
    CsvRow.putTotals(cells, totals);
    return cells;
  }
}
