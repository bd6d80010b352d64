package com.snackmanager.statistics.csv;

import java.util.Map;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.AbstractEncoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.util.MimeType;
import reactor.core.publisher.Flux;

/** Writes each body of one type, as one media type, as the bytes {@code bytes} makes of it. */
abstract class BytesEncoder<T> extends AbstractEncoder<T> {

  private final Class<T> bodyType;
  private final Function<? super T, byte[]> bytes;

  BytesEncoder(Class<T> bodyType, MimeType type, Function<? super T, byte[]> bytes) {
    super(type);
    this.bodyType = bodyType;
    this.bytes = bytes;
  }

  @Override
  public boolean canEncode(ResolvableType elementType, MimeType mimeType) {
    return bodyType.isAssignableFrom(elementType.toClass())
        && super.canEncode(elementType, mimeType);
  }

  @Override
  public Flux<DataBuffer> encode(
      Publisher<? extends T> input,
      DataBufferFactory bufferFactory,
      ResolvableType elementType,
      MimeType mimeType,
      Map<String, Object> hints) {
    return Flux.from(input)
        .map(body -> encodeValue(body, bufferFactory, elementType, mimeType, hints));
  }

  @Override
  public DataBuffer encodeValue(
      T body,
      DataBufferFactory bufferFactory,
      ResolvableType valueType,
      MimeType mimeType,
      Map<String, Object> hints) {
    return bufferFactory.wrap(bytes.apply(body));
  }
}
