package com.snackmanager.statistics.csv;

import java.util.Map;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.AbstractEncoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.util.MimeType;
import reactor.core.publisher.Flux;

/**
 * Writes {@link Encoded} bodies as one media type: {@link #json()} as {@code application/json},
 * {@link #csv()} as {@code text/csv; charset=UTF-8} — the types, and so the negotiation and the
 * {@code Content-Type}, of the JSON and {@link CsvEncoder} writers they stand in for (one encoder
 * per type, because a writer adds the charset of its first type to whatever it writes).
 */
public final class EncodedEncoder extends AbstractEncoder<Encoded> {

  private final Function<Encoded, byte[]> bytes;

  private EncodedEncoder(MimeType type, Function<Encoded, byte[]> bytes) {
    super(type);
    this.bytes = bytes;
  }

  public static EncodedEncoder json() {
    return new EncodedEncoder(MediaType.APPLICATION_JSON, Encoded::json);
  }

  public static EncodedEncoder csv() {
    return new EncodedEncoder(CsvEncoder.TEXT_CSV, Encoded::csv);
  }

  @Override
  public boolean canEncode(ResolvableType elementType, MimeType mimeType) {
    return Encoded.class.isAssignableFrom(elementType.toClass())
        && super.canEncode(elementType, mimeType);
  }

  @Override
  public Flux<DataBuffer> encode(
      Publisher<? extends Encoded> input,
      DataBufferFactory bufferFactory,
      ResolvableType elementType,
      MimeType mimeType,
      Map<String, Object> hints) {
    return Flux.from(input)
        .map(body -> encodeValue(body, bufferFactory, elementType, mimeType, hints));
  }

  @Override
  public DataBuffer encodeValue(
      Encoded body,
      DataBufferFactory bufferFactory,
      ResolvableType valueType,
      MimeType mimeType,
      Map<String, Object> hints) {
    // the bytes are shared by every response that sends them: wrapped, read, never written to
    return bufferFactory.wrap(bytes.apply(body));
  }
}
