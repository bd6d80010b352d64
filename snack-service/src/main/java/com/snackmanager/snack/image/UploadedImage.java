package com.snackmanager.snack.image;

import com.snackmanager.defaults.web.ApiException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An uploaded picture that passed the checks — a known format by content, not too big, not too many
 * pixels, decodable — and was rewritten by the server: JPEG, PNG and GIF decoded and encoded again
 * ({@link RasterImages}), WebP reduced to its picture's chunks ({@link WebpChunks}). What is kept
 * is never the client's file: no EXIF (a phone's GPS position), no other metadata, nothing appended
 * after the image data (a polyglot's HTML or ZIP). The format stays the one uploaded.
 *
 * @param bytes the rewritten picture, as stored and served
 * @param sha256 lower-case hex SHA-256 of {@code bytes}, the picture's ETag
 */
public record UploadedImage(ImageType type, byte[] bytes, String sha256) {

  /** Django's text for a file that is not an image, which the old frontend shows. */
  public static final String NOT_AN_IMAGE =
      "Upload a valid image. The file you uploaded was either not an image or a corrupted image.";

  /**
   * Checks an upload and rewrites it. Decoding is CPU and memory work: a request handler calls it
   * through {@link ImageChecker}, never on an event-loop thread.
   *
   * @throws ApiException 413 if it is over {@code maxSize}, 400 if it is not a JPEG, PNG, GIF or
   *     WebP image, does not decode, or has more than {@code maxPixels} pixels
   */
  public static UploadedImage check(byte[] bytes, ImageProperties limits) {
    long maxBytes = limits.maxSize().toBytes();
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
    byte[] rewritten =
        type == ImageType.WEBP
            ? WebpChunks.strip(bytes, limits.maxPixels())
            : RasterImages.reencode(type, bytes, limits.maxPixels());
    return new UploadedImage(type, rewritten, sha256(rewritten));
  }

  /** The 400 for a picture of a known format that cannot be read, saying why. */
  static ApiException unreadable(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message, Map.of("image", List.of(message)));
  }

  /** The 400 for a decompression bomb (or just a very large picture). */
  static ApiException tooManyPixels(long pixels, long max) {
    return unreadable(
        "The image has "
            + megapixels(pixels)
            + " megapixels; at most "
            + megapixels(max)
            + " are accepted.");
  }

  private static String megapixels(long pixels) {
    return String.format(Locale.ROOT, "%.1f", pixels / 1_000_000.0);
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
