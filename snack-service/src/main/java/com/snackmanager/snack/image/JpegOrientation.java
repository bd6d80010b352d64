package com.snackmanager.snack.image;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 of its first image file directory), read before the
 * EXIF segment is thrown away so that a phone picture taken upright stays upright: its pixels are
 * turned instead. Anything malformed reads as "as stored" (1); it only ever decides a rotation.
 */
final class JpegOrientation {

  /** The pixels are stored the way they are to be shown. */
  static final int AS_STORED = 1;

  private static final int SOI = 0xD8;
  private static final int SOS = 0xDA;
  private static final int APP1 = 0xE1;
  private static final int ORIENTATION_TAG = 0x0112;

  private JpegOrientation() {}

  /** The orientation, 1 to 8 (TIFF 6.0), of the JPEG in {@code bytes}. */
  static int of(byte[] bytes) {
    if (bytes.length < 4 || u8(bytes, 0) != 0xFF || u8(bytes, 1) != SOI) {
      return AS_STORED;
    }
    int at = 2;
    while (at + 4 <= bytes.length && u8(bytes, at) == 0xFF) {
      int marker = u8(bytes, at + 1);
      if (marker == SOS) {
        break;
      }
      int length = u16(bytes, at + 2, false);
      if (length < 2 || at + 2 + length > bytes.length) {
        break;
      }
      if (marker == APP1 && isExif(bytes, at + 4, length - 2)) {
        return fromTiff(bytes, at + 10, at + 2 + length);
      }
      at += 2 + length;
    }
    return AS_STORED;
  }

  private static boolean isExif(byte[] bytes, int at, int length) {
    return length >= 6
        && bytes[at] == 'E'
        && bytes[at + 1] == 'x'
        && bytes[at + 2] == 'i'
        && bytes[at + 3] == 'f'
        && bytes[at + 4] == 0
        && bytes[at + 5] == 0;
  }

  /** IFD0 of the TIFF structure from {@code tiff} (its header) to {@code end}. */
  private static int fromTiff(byte[] bytes, int tiff, int end) {
    if (tiff + 8 > end) {
      return AS_STORED;
    }
    boolean little;
    if (bytes[tiff] == 'I' && bytes[tiff + 1] == 'I') {
      little = true;
    } else if (bytes[tiff] == 'M' && bytes[tiff + 1] == 'M') {
      little = false;
    } else {
      return AS_STORED;
    }
    long ifd = tiff + u32(bytes, tiff + 4, little);
    if (ifd + 2 > end) {
      return AS_STORED;
    }
    int entries = u16(bytes, (int) ifd, little);
    for (int i = 0; i < entries; i++) {
      int entry = (int) ifd + 2 + 12 * i;
      if (entry + 12 > end) {
        break;
      }
      if (u16(bytes, entry, little) == ORIENTATION_TAG) {
        // type SHORT, count 1: the value sits in the first two bytes of the value field
        int value = u16(bytes, entry + 8, little);
        return value >= 1 && value <= 8 ? value : AS_STORED;
      }
    }
    return AS_STORED;
  }

  private static int u8(byte[] bytes, int at) {
    return bytes[at] & 0xFF;
  }

  private static int u16(byte[] bytes, int at, boolean little) {
    return little ? u8(bytes, at) | u8(bytes, at + 1) << 8 : u8(bytes, at) << 8 | u8(bytes, at + 1);
  }

  private static long u32(byte[] bytes, int at, boolean little) {
    return little
        ? (u16(bytes, at, true) | (long) u16(bytes, at + 2, true) << 16)
        : ((long) u16(bytes, at, false) << 16 | u16(bytes, at + 2, false));
  }
}
