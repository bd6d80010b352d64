package com.snackmanager.snack.image;

/**
 * A snack's picture as stored; {@code bytes} is {@code null} when only its description was read.
 *
 * @param sha256 lower-case hex SHA-256, the strong ETag
 */
public record StoredImage(String contentType, int size, String sha256, byte[] bytes) {

  public String etag() {
    return "\"" + sha256 + "\"";
  }
}
