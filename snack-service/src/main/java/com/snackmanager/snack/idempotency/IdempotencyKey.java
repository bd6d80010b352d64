package com.snackmanager.snack.idempotency;

import com.snackmanager.defaults.web.ApiException;
import java.util.regex.Pattern;

/** An {@code Idempotency-Key} header value: 1 to 255 visible ASCII characters (a UUID, say). */
public record IdempotencyKey(String value) {

  public static final String HEADER = "Idempotency-Key";
  private static final Pattern FORMAT = Pattern.compile("[\\x21-\\x7E]{1,255}");

  /**
   * @return the key, or {@code null} if the request has none
   * @throws ApiException 400 if the header is there but not a usable key
   */
  public static IdempotencyKey parse(String header) {
    if (header == null) {
      return null;
    }
    String value = header.strip();
    if (!FORMAT.matcher(value).matches()) {
      throw ApiException.badRequest(
          "The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID, say).");
    }
    return new IdempotencyKey(value);
  }
}
