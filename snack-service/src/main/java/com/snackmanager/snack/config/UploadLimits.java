package com.snackmanager.snack.config;

import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.snack.image.ImageProperties;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caps a multipart body at what one picture and the snack's fields need ({@link
 * ImageProperties#maxRequestBytes()}); the body is then read through {@code SnackForms}, which
 * parses it from this capped request.
 *
 * <p>Nothing beyond the cap is kept. The rest of a longer body is still read and thrown away (up to
 * {@link ImageProperties#maxSwallowSize()}, so memory use is the same for 6 MB and 50 MB), and the
 * 413 goes out once the request is complete: the client is still sending when the cap is hit, and a
 * server that answers and closes mid-upload makes it fail with a connection reset instead of the
 * 413 (reactor-netty, and so the gateway, report "connection closed while sending the request
 * body"). A body declared, or found, longer than the cap plus that allowance is answered at once,
 * and its connection closed.
 */
@Component
@Order(-200) // before the security filters: an oversized body is refused whoever sends it
public class UploadLimits implements WebFilter {

  private final ImageProperties properties;

  UploadLimits(ImageProperties properties) {
    this.properties = properties;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    MediaType type = request.getHeaders().getContentType();
    if (type == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
      return chain.filter(exchange);
    }
    long max = properties.maxRequestBytes();
    long cutOff = max + properties.maxSwallowSize().toBytes();
    long declared = request.getHeaders().getContentLength();
    if (declared > cutOff) {
      closeAfterResponse(exchange.getResponse());
      return Mono.error(tooLarge());
    }
    if (declared > max) {
      // refused unread: read it out, keep nothing, answer
      return request.getBody().doOnNext(DataBufferUtils::release).then(Mono.error(tooLarge()));
    }
    return chain.filter(exchange.mutate().request(capped(exchange, max, cutOff)).build());
  }

  /**
   * The body up to {@code max} bytes. Past that the rest is read and dropped, and the body ends in
   * a 413 once it is complete; past {@code cutOff} it ends at once.
   */
  private ServerHttpRequest capped(ServerWebExchange exchange, long max, long cutOff) {
    return new ServerHttpRequestDecorator(exchange.getRequest()) {
      @Override
      public Flux<DataBuffer> getBody() {
        AtomicLong seen = new AtomicLong();
        return super.getBody()
            .<DataBuffer>handle(
                (buffer, sink) -> {
                  long total = seen.addAndGet(buffer.readableByteCount());
                  if (total <= max) {
                    sink.next(buffer);
                    return;
                  }
                  DataBufferUtils.release(buffer);
                  if (total > cutOff) {
                    closeAfterResponse(exchange.getResponse());
                    sink.error(tooLarge());
                  }
                })
            .concatWith(Mono.defer(() -> seen.get() > max ? Mono.error(tooLarge()) : Mono.empty()));
      }
    };
  }

  /** The rest of this body is never read: the connection cannot serve another request. */
  private static void closeAfterResponse(ServerHttpResponse response) {
    response.getHeaders().set(HttpHeaders.CONNECTION, "close");
  }

  private ApiException tooLarge() {
    return new ApiException(
        HttpStatus.CONTENT_TOO_LARGE,
        "The request body is too large; a snack image may be at most "
            + properties.maxSize().toMegabytes()
            + " MB.");
  }
}
