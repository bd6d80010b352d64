package com.snackmanager.snack.catalog;

import com.snackmanager.defaults.domain.RuleViolation;
import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.snack.image.ImageChecker;
import com.snackmanager.snack.image.ImageProperties;
import com.snackmanager.snack.image.UploadedImage;
import com.snackmanager.snack.web.InputValue;
import com.snackmanager.snack.web.SnackInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Reads a {@code multipart/form-data} registration: the text fields into {@link SnackInput}, the
 * {@code image} file part (if any) into a checked and rewritten {@link UploadedImage} (decoded on
 * {@link ImageChecker}'s worker, not the event loop). How much is read at all is bounded by {@code
 * spring.webflux.multipart.*} and {@link com.snackmanager.snack.config.UploadLimits}.
 */
@Component
class SnackForms {

  /** A form's fields and its picture ({@code null} without one). */
  record Form(SnackInput input, UploadedImage image) {}

  static final String NOT_A_FILE =
      "The submitted data was not a file. Check the encoding type on the form.";
  static final String EMPTY_FILE = "The submitted file is empty.";

  private static final ResolvableType PARTS =
      ResolvableType.forClassWithGenerics(MultiValueMap.class, String.class, Part.class);

  private final long maxImageBytes;
  private final ImageChecker images;
  private final HttpMessageReader<MultiValueMap<String, Part>> reader;

  @SuppressWarnings("unchecked")
  SnackForms(ImageProperties properties, ImageChecker images, ServerCodecConfigurer codecs) {
    this.maxImageBytes = properties.maxSize().toBytes();
    this.images = images;
    this.reader =
        (HttpMessageReader<MultiValueMap<String, Part>>)
            codecs.getReaders().stream()
                .filter(candidate -> candidate.canRead(PARTS, MediaType.MULTIPART_FORM_DATA))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No multipart reader configured"));
  }

  /**
   * Parses the form from {@code exchange}'s request as it reaches the handler (capped by {@code
   * UploadLimits}), not through {@link ServerWebExchange#getMultipartData()}, which is bound to the
   * request as it arrived.
   */
  Mono<Form> read(ServerWebExchange exchange) {
    return reader
        .readMono(PARTS, exchange.getRequest(), Map.of())
        .defaultIfEmpty(new LinkedMultiValueMap<>())
        .onErrorMap(this::clientError)
        .flatMap(
            parts -> {
              SnackInput input = fields(parts);
              Part image = parts.getFirst("image");
              return image(image)
                  .map(checked -> new Form(input, checked))
                  .defaultIfEmpty(new Form(input, null));
            });
  }

  private static SnackInput fields(MultiValueMap<String, Part> parts) {
    Map<String, InputValue> fields = new LinkedHashMap<>();
    parts.forEach(
        (name, values) -> {
          if (!"image".equals(name) && !values.isEmpty()) {
            Part part = values.get(0);
            fields.put(
                name,
                part instanceof FormFieldPart field
                    ? new InputValue.Text(field.value())
                    : new InputValue.Other("file"));
          }
        });
    return new SnackInput(fields);
  }

  private Mono<UploadedImage> image(Part part) {
    if (part == null) {
      return Mono.empty();
    }
    if (part instanceof FormFieldPart field) {
      // a browser form without a chosen file may send an empty text field
      return field.value().isEmpty() ? Mono.empty() : Mono.error(invalidImage(NOT_A_FILE));
    }
    Optional<String> filename =
        part instanceof FilePart file ? Optional.ofNullable(file.filename()) : Optional.empty();
    return DataBufferUtils.join(
            part.content(), (int) Math.min(Integer.MAX_VALUE, maxImageBytes + 1))
        .onErrorMap(DataBufferLimitException.class, e -> UploadedImage.tooLarge(maxImageBytes))
        .map(SnackForms::bytes)
        .defaultIfEmpty(new byte[0])
        .flatMap(
            bytes -> {
              if (bytes.length == 0) {
                // a browser form without a chosen file sends an empty, unnamed file part
                return filename.filter(name -> !name.isEmpty()).isPresent()
                    ? Mono.error(invalidImage(EMPTY_FILE))
                    : Mono.empty();
              }
              return images.check(bytes);
            });
  }

  private static byte[] bytes(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }

  private Throwable clientError(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApiException || cause instanceof RuleViolation) {
        return cause;
      }
      if (cause instanceof DataBufferLimitException) {
        return new ApiException(
            HttpStatus.CONTENT_TOO_LARGE,
            "The request body is too large; a snack image may be at most "
                + maxImageBytes / (1024 * 1024)
                + " MB.");
      }
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof DecodingException || cause instanceof ServerWebInputException) {
        return ApiException.badRequest("Malformed multipart/form-data request body.");
      }
    }
    return error;
  }

  private static ApiException invalidImage(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message, Map.of("image", List.of(message)));
  }
}
