package com.snackmanager.statistics.csv;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table written as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break. Text that a spreadsheet would run as a formula (starting with {@code
 * =}, {@code +}, {@code -}, {@code @}, tab or CR — snack names are user input) is prefixed with an
 * apostrophe; numbers, dates and times are written as they are.
 */
public record CsvTable(List<String> header, List<List<Object>> rows) {

  private static final String CRLF = "\r\n";

  /**
   * A table of {@code rows}: {@code columns} first (so even an empty table has its header), then
   * any further columns the rows have, in the order they first appear; a cell a row lacks is empty.
   */
  public static CsvTable of(List<String> columns, List<? extends CsvRow> rows) {
    List<Map<String, Object>> cells = rows.stream().map(CsvRow::csvCells).toList();
    Set<String> header = new LinkedHashSet<>(columns);
    cells.forEach(row -> header.addAll(row.keySet()));
    List<List<Object>> values = new ArrayList<>(cells.size());
    for (Map<String, Object> row : cells) {
      List<Object> line = new ArrayList<>(header.size());
      header.forEach(column -> line.add(row.get(column)));
      values.add(line);
    }
    return new CsvTable(List.copyOf(header), values);
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    appendLine(out, new ArrayList<>(header));
    rows.forEach(row -> appendLine(out, row));
    return out.toString();
  }

  private static void appendLine(StringBuilder out, List<?> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(values.get(i)));
    }
    out.append(CRLF);
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String text = value.toString();
    if (value instanceof CharSequence
        && !text.isEmpty()
        && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
