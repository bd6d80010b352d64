package com.snackmanager.snack.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Pictures made for tests: real encodings from the JDK, and the hostile additions crafted here. */
public final class TestImages {

  /** A 1 × 1 lossless WebP (VP8L, simple format), as browsers' feature tests use it. */
  public static final byte[] WEBP_LOSSLESS =
      Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

  /** A 1 × 1 lossy WebP with alpha (extended format: VP8X, ALPH, VP8). */
  public static final byte[] WEBP_ALPHA =
      Base64.getDecoder()
          .decode(
              "UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==");

  /** A 1 × 1 animated WebP (VP8X, ANIM, one ANMF frame). */
  public static final byte[] WEBP_ANIMATED =
      Base64.getDecoder()
          .decode(
              "UklGRlIAAABXRUJQVlA4WAoAAAASAAAAAAAAAAAAQU5JTQYAAAD/////AABBTk1GJgAAAAAAAAAAAAAAAAAAAGQAAABWUDhMDQAAAC8AAAAQBxAREYiI/gcA");

  public static final byte[] HTML =
      "<html><body><script>alert(document.domain)</script></body></html>"
          .getBytes(StandardCharsets.US_ASCII);

  private TestImages() {}

  /**
   * {@code width × height}, the top half red and the bottom half blue, encoded as {@code format}.
   */
  public static byte[] picture(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width, height / 2);
    g.setColor(Color.BLUE);
    g.fillRect(0, height / 2, width, height - height / 2);
    g.dispose();
    return encode(image, format);
  }

  public static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new IllegalStateException("not a picture ImageIO reads");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** A small ZIP archive, as a polyglot JAR/"GIFAR" would append. */
  public static byte[] zip() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("payload.html"));
      zip.write(HTML);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * {@code jpeg} with an EXIF APP1 segment right after SOI: IFD0 with the orientation and a GPS IFD
   * placing the picture at 37°33'N (Seoul), as a phone writes it.
   */
  public static byte[] withGpsExif(byte[] jpeg, int orientation) {
    return withGpsExif(jpeg, orientation, ByteOrder.BIG_ENDIAN);
  }

  /** {@link #withGpsExif(byte[], int)} in either of TIFF's byte orders ("MM" or "II"). */
  public static byte[] withGpsExif(byte[] jpeg, int orientation, ByteOrder order) {
    ByteBuffer tiff = ByteBuffer.allocate(92).order(order);
    byte mark = (byte) (order == ByteOrder.BIG_ENDIAN ? 'M' : 'I');
    tiff.put(mark).put(mark).putShort((short) 42).putInt(8);
    // IFD0 at 8: orientation, GPS IFD pointer
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation);
    tiff.putShort((short) 0);
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
    tiff.putInt(0);
    // GPS IFD at 38: latitude reference and latitude
    tiff.putShort((short) 2);
    tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0);
    tiff.putShort((short) 0);
    tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(68);
    tiff.putInt(0);
    // three rationals at 68: 37/1, 33/1, 0/1
    tiff.putInt(37).putInt(1).putInt(33).putInt(1).putInt(0).putInt(1);
    byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
    byte[] segment =
        concat(
            new byte[] {
              (byte) 0xFF, (byte) 0xE1, (byte) ((exif.length + 2) >> 8), (byte) (exif.length + 2)
            },
            exif);
    return concat(
        new byte[] {(byte) 0xFF, (byte) 0xD8}, segment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
  }

  /** The markers of a JPEG's segments up to its first scan, e.g. E0 (JFIF), E1 (EXIF, XMP). */
  public static List<Integer> jpegMarkers(byte[] jpeg) {
    List<Integer> markers = new ArrayList<>();
    int at = 2;
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
      int marker = jpeg[at + 1] & 0xFF;
      markers.add(marker);
      if (marker == 0xDA) {
        break;
      }
      at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
    }
    return markers;
  }

  /** The types of a PNG's chunks, in order. */
  public static List<String> pngChunks(byte[] png) {
    List<String> chunks = new ArrayList<>();
    for (int at = 8; at + 8 <= png.length; ) {
      int length = ByteBuffer.wrap(png, at, 4).getInt();
      String type = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
      chunks.add(type);
      at += 12 + length;
      if (type.equals("IEND")) {
        break;
      }
    }
    return chunks;
  }

  /** {@code png} with a chunk of {@code type} inserted after its IHDR. */
  public static byte[] withPngChunk(byte[] png, String type, byte[] data) {
    int afterIhdr = 8 + 12 + 13;
    return concat(
        Arrays.copyOfRange(png, 0, afterIhdr),
        pngChunk(type, data),
        Arrays.copyOfRange(png, afterIhdr, png.length));
  }

  /** A PNG chunk with its length and CRC. */
  public static byte[] pngChunk(String type, byte[] data) {
    byte[] typeAndData = concat(type.getBytes(StandardCharsets.US_ASCII), data);
    CRC32 crc = new CRC32();
    crc.update(typeAndData);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length)
        .put(typeAndData)
        .putInt((int) crc.getValue())
        .array();
  }

  /** A PNG header declaring {@code width × height} pixels, then one tiny IDAT and IEND. */
  public static byte[] pngDeclaring(int width, int height) {
    byte[] ihdr =
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put(new byte[] {8, 2, 0, 0, 0})
            .array();
    return concat(
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
        pngChunk("IHDR", ihdr),
        pngChunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}),
        pngChunk("IEND", new byte[0]));
  }

  /** {@code jpeg} with its frame header (SOF0) saying {@code width × height}. */
  public static byte[] jpegDeclaring(byte[] jpeg, int width, int height) {
    byte[] copy = jpeg.clone();
    int at = 2;
    while ((copy[at + 1] & 0xFF) != 0xC0) {
      at += 2 + ((copy[at + 2] & 0xFF) << 8 | (copy[at + 3] & 0xFF));
    }
    copy[at + 5] = (byte) (height >> 8);
    copy[at + 6] = (byte) height;
    copy[at + 7] = (byte) (width >> 8);
    copy[at + 8] = (byte) width;
    return copy;
  }

  /** A 4-byte WebP/RIFF chunk (little-endian length, padded to even). */
  public static byte[] riffChunk(String type, byte[] data) {
    ByteBuffer chunk =
        ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
    chunk.put(type.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
    return chunk.array();
  }

  /** A RIFF/WEBP file of {@code chunks}. */
  public static byte[] webp(byte[]... chunks) {
    byte[] body = concat(chunks);
    ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length);
    header.put("WEBP".getBytes(StandardCharsets.US_ASCII));
    return concat(header.array(), body);
  }

  public static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  public static boolean contains(byte[] haystack, String needle) {
    return contains(haystack, needle.getBytes(StandardCharsets.ISO_8859_1));
  }
}
