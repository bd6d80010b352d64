package com.snackmanager.snack.image;

import com.snackmanager.defaults.web.ApiException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Rewrites a WebP file keeping only the chunks that make its picture, because the JDK can neither
 * decode nor encode WebP: {@code VP8 }, {@code VP8L}, {@code ALPH}, {@code VP8X} (its EXIF, XMP and
 * ICC flags cleared), {@code ANIM} and {@code ANMF} (whose own sub-chunks are filtered alike).
 * {@code EXIF}, {@code XMP }, {@code ICCP} and any unknown chunk are dropped, and so is anything
 * after the RIFF length (an appended HTML page or ZIP archive). The structure is checked (every
 * chunk within the file, a VP8 start code, a VP8L signature) and the canvas must be at most the
 * pixel limit; the compressed pixel data itself is not decoded here, which is why images are served
 * with {@code Content-Security-Policy: sandbox} and {@code nosniff} whatever their format.
 *
 * <p>See the <a href="https://developers.google.com/speed/webp/docs/riff_container">WebP container
 * specification</a>.
 */
final class WebpChunks {

  private static final int VP8X_ICC = 0x20;
  private static final int VP8X_EXIF = 0x08;
  private static final int VP8X_XMP = 0x04;
  private static final int ANMF_HEADER = 16;
  private static final Set<String> PICTURE = Set.of("VP8 ", "VP8L", "ALPH", "ANIM", "ANMF");
  private static final Set<String> FRAME = Set.of("VP8 ", "VP8L", "ALPH");

  private WebpChunks() {}

  /**
   * The WebP file in {@code bytes} with only its picture's chunks.
   *
   * @throws ApiException 400 if it is malformed or its canvas has more than {@code maxPixels}
   */
  static byte[] strip(byte[] bytes, long maxPixels) {
    if (bytes.length < 12) {
      throw malformed("it is incomplete");
    }
    long riffEnd = 8 + u32(bytes, 4);
    if (riffEnd < 12 || riffEnd > bytes.length) {
      throw malformed("it is incomplete");
    }
    int end = (int) riffEnd;
    Chunk first = Chunk.at(bytes, 12, end);
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    switch (first.type) {
      case "VP8 ", "VP8L" -> {
        // the simple format: one image chunk is the whole picture
        checkPixels(first.pixels(bytes), maxPixels);
        first.writeTo(bytes, kept);
      }
      case "VP8X" -> extended(bytes, first, end, maxPixels, kept);
      default -> throw malformed("it starts with a \"" + first.type + "\" chunk");
    }
    return riff(kept.toByteArray());
  }

  private static void extended(
      byte[] bytes, Chunk header, int end, long maxPixels, ByteArrayOutputStream kept) {
    if (header.size < 10) {
      throw malformed("its VP8X chunk is too short");
    }
    long width = 1 + u24(bytes, header.payload + 4);
    long height = 1 + u24(bytes, header.payload + 7);
    checkPixels(width * height, maxPixels);
    byte[] vp8x = new byte[header.size];
    System.arraycopy(bytes, header.payload, vp8x, 0, header.size);
    vp8x[0] &= (byte) ~(VP8X_ICC | VP8X_EXIF | VP8X_XMP);
    writeChunk(kept, "VP8X", vp8x);
    boolean picture = false;
    for (int at = header.next; at < end; ) {
      Chunk chunk = Chunk.at(bytes, at, end);
      if (PICTURE.contains(chunk.type)) {
        if (chunk.type.equals("ANMF")) {
          writeChunk(kept, "ANMF", frame(bytes, chunk, maxPixels));
        } else {
          checkPixels(chunk.pixels(bytes), maxPixels);
          chunk.writeTo(bytes, kept);
        }
        picture |= !chunk.type.equals("ANIM") && !chunk.type.equals("ALPH");
      }
      at = chunk.next;
    }
    if (!picture) {
      throw malformed("it has no image data");
    }
  }

  /** An animation frame's payload: its 16-byte header and only its image sub-chunks. */
  private static byte[] frame(byte[] bytes, Chunk frame, long maxPixels) {
    if (frame.size < ANMF_HEADER) {
      throw malformed("an ANMF chunk is too short");
    }
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    payload.write(bytes, frame.payload, ANMF_HEADER);
    int end = frame.payload + frame.size;
    boolean image = false;
    for (int at = frame.payload + ANMF_HEADER; at < end; ) {
      Chunk chunk = Chunk.at(bytes, at, end);
      if (FRAME.contains(chunk.type)) {
        checkPixels(chunk.pixels(bytes), maxPixels);
        chunk.writeTo(bytes, payload);
        image |= !chunk.type.equals("ALPH");
      }
      at = chunk.next;
    }
    if (!image) {
      throw malformed("an animation frame has no image data");
    }
    return payload.toByteArray();
  }

  /** One chunk: its four-character type, payload offset and size, and where the next one starts. */
  private record Chunk(String type, int payload, int size, int next) {

    static Chunk at(byte[] bytes, int at, int end) {
      if (at + 8 > end) {
        throw malformed("a chunk header is cut off");
      }
      String type = new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
      long size = u32(bytes, at + 4);
      long next = at + 8 + size + (size & 1);
      if (at + 8 + size > end) {
        throw malformed("its \"" + type.strip() + "\" chunk is cut off");
      }
      return new Chunk(type, at + 8, (int) size, (int) Math.min(next, end));
    }

    /** The pixels of a VP8 or VP8L bitstream's frame header; 0 for other chunks. */
    long pixels(byte[] bytes) {
      return switch (type) {
        case "VP8 " -> {
          // 3-byte frame tag, start code 9d 01 2a, then 14-bit width and height
          if (size < 10
              || (bytes[payload + 3] & 0xFF) != 0x9D
              || (bytes[payload + 4] & 0xFF) != 0x01
              || (bytes[payload + 5] & 0xFF) != 0x2A) {
            throw malformed("its VP8 bitstream has no key frame header");
          }
          yield (long) (u16(bytes, payload + 6) & 0x3FFF) * (u16(bytes, payload + 8) & 0x3FFF);
        }
        case "VP8L" -> {
          // signature 0x2f, then 14 bits width - 1 and 14 bits height - 1
          if (size < 5 || (bytes[payload] & 0xFF) != 0x2F) {
            throw malformed("its VP8L bitstream has no signature");
          }
          long bits = u32(bytes, payload + 1);
          yield ((bits & 0x3FFF) + 1) * (((bits >>> 14) & 0x3FFF) + 1);
        }
        default -> 0;
      };
    }

    void writeTo(byte[] bytes, ByteArrayOutputStream out) {
      out.write(bytes, payload - 8, 8 + size);
      if ((size & 1) == 1) {
        out.write(0);
      }
    }
  }

  private static void writeChunk(ByteArrayOutputStream out, String type, byte[] payload) {
    out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
    writeU32(out, payload.length);
    out.writeBytes(payload);
    if ((payload.length & 1) == 1) {
      out.write(0);
    }
  }

  private static byte[] riff(byte[] chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(12 + chunks.length);
    out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
    writeU32(out, 4 + chunks.length);
    out.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(chunks);
    return out.toByteArray();
  }

  private static void checkPixels(long pixels, long max) {
    if (pixels > max) {
      throw UploadedImage.tooManyPixels(pixels, max);
    }
  }

  private static ApiException malformed(String why) {
    return UploadedImage.unreadable("The WebP image is malformed: " + why + ".");
  }

  private static int u16(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
  }

  private static long u24(byte[] bytes, int at) {
    return u16(bytes, at) | (long) (bytes[at + 2] & 0xFF) << 16;
  }

  private static long u32(byte[] bytes, int at) {
    return u16(bytes, at) | (long) u16(bytes, at + 2) << 16;
  }

  private static void writeU32(ByteArrayOutputStream out, int value) {
    out.write(value);
    out.write(value >>> 8);
    out.write(value >>> 16);
    out.write(value >>> 24);
  }
}
