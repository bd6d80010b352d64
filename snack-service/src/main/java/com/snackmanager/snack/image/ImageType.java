package com.snackmanager.snack.image;

import java.util.Optional;

/**
 * The picture formats a snack image may have, recognised by their leading bytes ("magic numbers"),
 * never by a file name or the content type a client claims.
 */
public enum ImageType {
  JPEG("image/jpeg"),
  PNG("image/png"),
  GIF("image/gif"),
  WEBP("image/webp");

  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] GIF87 = {'G', 'I', 'F', '8', '7', 'a'};
  private static final byte[] GIF89 = {'G', 'I', 'F', '8', '9', 'a'};
  private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
  private static final byte[] WEBP_MAGIC = {'W', 'E', 'B', 'P'};

  private final String contentType;

  ImageType(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  /** The format {@code bytes} start like, if any. */
  public static Optional<ImageType> detect(byte[] bytes) {
    if (startsWith(bytes, 0, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, 0, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, 0, GIF87) || startsWith(bytes, 0, GIF89)) {
      return Optional.of(GIF);
    }
    // RIFF <4-byte length> WEBP
    if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP_MAGIC)) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
    if (bytes.length < offset + magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (bytes[offset + i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
