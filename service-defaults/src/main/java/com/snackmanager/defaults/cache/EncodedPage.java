package com.snackmanager.defaults.cache;

import com.snackmanager.defaults.web.PageQuery;
import java.util.List;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.http.server.reactive.ServerHttpRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page of a list as its response sends it: the JSON array already encoded, and how many items
 * match in all. Cached in this form, a repeated page costs no serialization. The paging headers are
 * not kept: their {@code Link} repeats the request's own path and query, which differ between
 * requests for the same page ({@code /snacks} or {@code /snacks/}, parameters in another order).
 *
 * @param json the UTF-8 JSON array, shared by every response that sends it: never modified
 * @param total how many items match the list's filter, for {@code X-Total-Count}
 */
public record EncodedPage(byte[] json, long total) {

  /** The 200 answer to {@code request}: the encoded array with its paging headers. */
  public ResponseEntity<byte[]> response(PageQuery page, ServerHttpRequest request) {
    return ResponseEntity.ok()
        .headers(page.headers(request, total))
        .contentType(MediaType.APPLICATION_JSON)
        .body(json);
  }

  /**
   * Encodes pages exactly as WebFlux would write a {@code List} of their items: with a {@link
   * JacksonJsonEncoder} over the application's {@link JsonMapper}, which is how Spring Boot builds
   * the server's own JSON encoder, so names, inclusion and number formats stay the same.
   *
   * @param <T> the type of a list item
   */
  public static final class Encoder<T> {

    private final JacksonJsonEncoder encoder;
    private final ResolvableType listType;

    public Encoder(JsonMapper json, Class<T> itemType) {
      this.encoder = new JacksonJsonEncoder(json);
      this.listType = ResolvableType.forClassWithGenerics(List.class, itemType);
    }

    public EncodedPage encode(List<T> items, long total) {
      DataBuffer buffer =
          encoder.encodeValue(
              items,
              DefaultDataBufferFactory.sharedInstance,
              listType,
              MediaType.APPLICATION_JSON,
              null);
      try {
        byte[] json = new byte[buffer.readableByteCount()];
        buffer.read(json);
        return new EncodedPage(json, total);
      } finally {
        DataBufferUtils.release(buffer);
      }
    }
  }
}
