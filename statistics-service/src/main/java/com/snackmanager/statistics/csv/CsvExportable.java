package com.snackmanager.statistics.csv;

/** A response body that can also be written as a CSV table. */
public interface CsvExportable {

  CsvTable toCsv();
}
