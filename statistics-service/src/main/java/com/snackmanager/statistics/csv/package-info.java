/**
 * CSV answers: every statistics endpoint answers JSON, or CSV (RFC 4180, UTF-8, header row) when
 * asked with {@code Accept: text/csv}. A body type implements {@link
 * com.snackmanager.statistics.csv.CsvExportable}; {@link
 * com.snackmanager.statistics.csv.CsvEncoder} writes it. An {@link
 * com.snackmanager.statistics.csv.Encoded} body keeps its JSON and CSV once written, for answers
 * that are sent many times.
 */
package com.snackmanager.statistics.csv;
