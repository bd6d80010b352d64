package com.snackmanager.defaults.idempotency;

import com.snackmanager.defaults.web.ApiException;
import java.util.regex.Pattern;

/**
 * An {@code Idempotency-Key} header value: after trimming, 1 to 255 printable ASCII characters (a
 * UUID, say). Spaces inside are allowed: clients generate keys their own way, and refusing one that
 * worked before would turn a safe retry into a 400.
 */
public record IdempotencyKey(String value) {

  public static final String HEADER = "Idempotency-Key";

  /** On a replayed response: {@code true}. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  public static final String UNUSABLE =
      "The Idempotency-Key header must be 1 to 255 printable ASCII characters (a UUID, say).";

  private static final Pattern FORMAT = Pattern.compile("[\\x20-\\x7E]{1,255}");

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
      throw ApiException.badRequest(UNUSABLE);
    }
    return new IdempotencyKey(value);
  }
}
