package com.snackmanager.statistics.csv;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * A list response: a bare JSON array of {@code items}, or a CSV table whose header starts with
 * {@code columns}.
 */
public record CsvList<T extends CsvRow>(List<T> items, List<String> columns)
    implements CsvExportable {

  public CsvList {
    items = List.copyOf(items);
    columns = List.copyOf(columns);
  }

  @JsonValue
  public List<T> json() {
    return items;
  }

  @Override
  public CsvTable toCsv() {
    return CsvTable.of(columns, items);
  }
}
