package com.snackmanager.statistics.csv;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A response body whose JSON and CSV are each written once and then reused: a cached answer is sent
 * as bytes, without serialising it again. Which of the two a request gets is still decided by
 * WebFlux's content negotiation ({@link EncodedEncoder} offers both), exactly as for the body
 * itself.
 */
public final class Encoded {

  private final CsvExportable body;
  private final Function<Object, byte[]> json;
  private volatile byte[] jsonBytes;
  private volatile byte[] csvBytes;

  /**
   * @param body the answer, a value the JSON writer and {@link CsvExportable#toCsv()} can write
   * @param json writes a value as JSON (the application's mapper, so the bytes are the same as
   *     WebFlux's own)
   */
  public Encoded(CsvExportable body, Function<Object, byte[]> json) {
    this.body = body;
    this.json = json;
  }

  public CsvExportable body() {
    return body;
  }

  /** The body as JSON (written on first use; two threads may both write it, to the same bytes). */
  public byte[] json() {
    byte[] bytes = jsonBytes;
    if (bytes == null) {
      bytes = json.apply(body);
      jsonBytes = bytes;
    }
    return bytes;
  }

  /** The body as CSV, UTF-8 (written on first use). */
  public byte[] csv() {
    byte[] bytes = csvBytes;
    if (bytes == null) {
      bytes = body.toCsv().render().getBytes(StandardCharsets.UTF_8);
      csvBytes = bytes;
    }
    return bytes;
  }
}
