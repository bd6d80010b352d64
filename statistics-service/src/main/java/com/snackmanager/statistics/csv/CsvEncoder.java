package com.snackmanager.statistics.csv;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/** Writes {@link CsvExportable} bodies as {@code text/csv; charset=UTF-8}. */
public final class CsvEncoder extends BytesEncoder<CsvExportable> {

  public static final String TEXT_CSV_VALUE = "text/csv";
  public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  public CsvEncoder() {
    super(
        CsvExportable.class,
        TEXT_CSV,
        body -> body.toCsv().render().getBytes(StandardCharsets.UTF_8));
  }
}
