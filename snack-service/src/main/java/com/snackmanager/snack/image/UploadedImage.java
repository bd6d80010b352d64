package com.snackmanager.snack.image;

import com.snackmanager.defaults.web.ApiException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An uploaded picture that passed the checks: a known format by content, not empty, not too big.
 *
 * @param sha256 lower-case hex SHA-256 of {@code bytes}, the picture's ETag
 */
public record UploadedImage(ImageType type, byte[] bytes, String sha256) {

  /** Django's text for a file that is not an image, which the old frontend shows. */
  public static final String NOT_AN_IMAGE =
      "Upload a valid image. The file you uploaded was either not an image or a corrupted image.";

  /**
   * Checks an upload.
   *
   * @throws ApiException 413 if it is over {@code maxBytes}, 400 if it is not a JPEG, PNG, GIF or
   *     WebP image
   */
  public static UploadedImage check(byte[] bytes, long maxBytes) {
    if (bytes.length > maxBytes) {
      throw tooLarge(maxBytes);
    }
    ImageType type =
        ImageType.detect(bytes)
            .orElseThrow(
                () ->
                    new ApiException(
                        HttpStatus.BAD_REQUEST,
                        NOT_AN_IMAGE,
                        Map.of("image", List.of(NOT_AN_IMAGE))));
    return new UploadedImage(type, bytes, sha256(bytes));
  }

  /** The 413 for a picture over {@code maxBytes}. */
  public static ApiException tooLarge(long maxBytes) {
    String message = "The image must be at most " + megabytes(maxBytes) + ".";
    return new ApiException(
        HttpStatus.CONTENT_TOO_LARGE, message, Map.of("image", List.of(message)));
  }

  private static String megabytes(long bytes) {
    long mb = 1024L * 1024L;
    return bytes % mb == 0 ? (bytes / mb) + " MB" : bytes + " bytes";
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
