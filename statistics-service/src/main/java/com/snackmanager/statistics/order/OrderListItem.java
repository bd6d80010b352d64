package com.snackmanager.statistics.order;

import com.snackmanager.statistics.csv.CsvRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * An order in a period's list.
 *
 * @param ownerId null while only later events of the order have arrived (see {@link OrderFact})
 * @param date the creation day in the business time zone
 * @param totalQuantity snacks in the order
 * @param totals the order's money per currency (a cancelled order still shows what it was worth)
 */
public record OrderListItem(
    String uid,
    Long ownerId,
    String ownerEmail,
    String status,
    Instant createdAt,
    LocalDate date,
    long totalQuantity,
    SortedMap<String, BigDecimal> totals)
    implements CsvRow {

  public static final List<String> COLUMNS =
      CsvRow.withTotalsColumns(
          "uid", "owner_id", "owner_email", "status", "created_at", "date", "total_quantity");

  @Override
  public Map<String, Object> csvCells() {
    Map<String, Object> cells = new LinkedHashMap<>();
    cells.put("uid", uid);
    cells.put("owner_id", ownerId);
    cells.put("owner_email", ownerEmail);
    cells.put("status", status);
    cells.put("created_at", createdAt);
    cells.put("date", date);
    cells.put("total_quantity", totalQuantity);
    CsvRow.putTotals(cells, totals);
    return cells;
  }
}
