package com.snackmanager.statistics.csv;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.AbstractEncoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.util.MimeType;
import reactor.core.publisher.Flux;

/** Writes {@link CsvExportable} bodies as {@code text/csv; charset=UTF-8}. */
public final class CsvEncoder extends AbstractEncoder<CsvExportable> {

  public static final String TEXT_CSV_VALUE = "text/csv";
  public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  public CsvEncoder() {
    super(TEXT_CSV);
  }

  @Override
  public boolean canEncode(ResolvableType elementType, MimeType mimeType) {
    return CsvExportable.class.isAssignableFrom(elementType.toClass())
        && super.canEncode(elementType, mimeType);
  }

  @Override
  public Flux<DataBuffer> encode(
      Publisher<? extends CsvExportable> input,
      DataBufferFactory bufferFactory,
      ResolvableType elementType,
      MimeType mimeType,
      Map<String, Object> hints) {
    return Flux.from(input)
        .map(body -> encodeValue(body, bufferFactory, elementType, mimeType, hints));
  }

  @Override
  public DataBuffer encodeValue(
      CsvExportable body,
      DataBufferFactory bufferFactory,
      ResolvableType valueType,
      MimeType mimeType,
      Map<String, Object> hints) {
    return bufferFactory.wrap(body.toCsv().render().getBytes(StandardCharsets.UTF_8));
  }
}
