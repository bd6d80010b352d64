package com.snackmanager.statistics.csv;

import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.util.MimeType;

/**
 * Writes {@link Encoded} bodies as one media type: {@link #json()} as {@code application/json},
 * {@link #csv()} as {@code text/csv; charset=UTF-8} — the types, and so the negotiation and the
 * {@code Content-Type}, of the JSON and {@link CsvEncoder} writers they stand in for (one encoder
 * per type, because a writer adds the charset of its first type to whatever it writes). The bytes
 * are shared by every response that sends them: wrapped, read, never written to.
 */
public final class EncodedEncoder extends BytesEncoder<Encoded> {

  private EncodedEncoder(MimeType type, Function<Encoded, byte[]> bytes) {
    super(Encoded.class, type, bytes);
  }

  public static EncodedEncoder json() {
    return new EncodedEncoder(MediaType.APPLICATION_JSON, Encoded::json);
  }

  public static EncodedEncoder csv() {
    return new EncodedEncoder(CsvEncoder.TEXT_CSV, Encoded::csv);
  }
}
