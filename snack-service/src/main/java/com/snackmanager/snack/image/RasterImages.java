package com.snackmanager.snack.image;

import com.snackmanager.defaults.web.ApiException;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/**
 * Decodes a JPEG, PNG or GIF with the JDK's ImageIO and encodes its pixels again in the same
 * format. What is written is only what the JDK's writer puts around pixels: no EXIF (GPS location,
 * camera), XMP, IPTC, ICC profile, text chunks or comments, and nothing that followed the image
 * data (an appended HTML page or ZIP archive). The pixel count is read from the header and checked
 * before any pixel is decoded.
 *
 * <p>A JPEG's EXIF orientation is applied to the pixels (the tag itself is dropped), it is
 * converted to RGB (or stays greyscale; CMYK and ICC-profiled pictures are converted to sRGB) and
 * written at quality {@value #JPEG_QUALITY}. A PNG keeps its colour type and transparency. A GIF
 * keeps every frame, its timing, disposal and transparency and its loop count; its comments,
 * plain-text and other application extensions are dropped. Streams are kept in memory, never in
 * ImageIO's disk cache.
 */
final class RasterImages {

  static final float JPEG_QUALITY = 0.9f;

  /** An animation may have at most this many frames. */
  static final int MAX_FRAMES = 1000;

  private static final String GIF_IMAGE_METADATA = "javax_imageio_gif_image_1.0";
  private static final Set<String> GIF_KEPT_APPLICATIONS = Set.of("NETSCAPE", "ANIMEXTS");
  private static final Set<Integer> PLAIN_TYPES =
      Set.of(
          BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY);

  private RasterImages() {}

  /**
   * The picture in {@code bytes} (of {@code type}: JPEG, PNG or GIF) decoded and encoded again.
   *
   * @throws ApiException 400 if it does not decode or has more than {@code maxPixels} pixels
   */
  static byte[] reencode(ImageType type, byte[] bytes, long maxPixels) {
    ImageReader reader = ImageIO.getImageReadersByFormatName(formatName(type)).next();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      return switch (type) {
        case JPEG -> jpeg(reader, in, JpegOrientation.of(bytes), maxPixels);
        case PNG -> png(reader, in, maxPixels);
        case GIF -> gif(reader, in, maxPixels);
        case WEBP -> throw new IllegalStateException("unreachable");
      };
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiException refused) {
        throw refused;
      }
      throw UploadedImage.unreadable(
          "The image could not be decoded as a " + type.name() + "; it is damaged or incomplete.");
    } finally {
      reader.dispose();
    }
  }

  private static byte[] jpeg(ImageReader reader, ImageInputStream in, int orientation, long max)
      throws IOException {
    reader.setInput(in, true, true);
    checkPixels(reader.getWidth(0), reader.getHeight(0), max);
    BufferedImage upright = oriented(plain(reader.read(0)), orientation);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(JPEG_QUALITY);
    return write(writer, param, new IIOImage(upright, null, null));
  }

  private static byte[] png(ImageReader reader, ImageInputStream in, long max) throws IOException {
    reader.setInput(in, true, true);
    checkPixels(reader.getWidth(0), reader.getHeight(0), max);
    BufferedImage image = reader.read(0);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    return write(writer, null, new IIOImage(image, null, null));
  }

  /** Every frame, with the metadata that animates it and nothing else. */
  private static byte[] gif(ImageReader reader, ImageInputStream in, long max) throws IOException {
    reader.setInput(in, false, false);
    int frames = reader.getNumImages(true);
    if (frames < 1) {
      throw new IOException("no frame");
    }
    if (frames > MAX_FRAMES) {
      throw UploadedImage.unreadable(
          "The animation has " + frames + " frames; at most " + MAX_FRAMES + " are accepted.");
    }
    long pixels = 0;
    for (int i = 0; i < frames; i++) {
      pixels += (long) reader.getWidth(i) * reader.getHeight(i);
    }
    checkPixels(pixels, max);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.prepareWriteSequence(writer.convertStreamMetadata(reader.getStreamMetadata(), null));
      for (int i = 0; i < frames; i++) {
        BufferedImage frame = reader.read(i);
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(frame), null);
        metadata.mergeTree(GIF_IMAGE_METADATA, animationOnly(reader.getImageMetadata(i)));
        writer.writeToSequence(new IIOImage(frame, null, metadata), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** A GIF frame's metadata without comments, plain text and foreign application extensions. */
  private static Node animationOnly(IIOMetadata metadata) {
    IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(GIF_IMAGE_METADATA);
    for (Node child = tree.getFirstChild(); child != null; ) {
      Node next = child.getNextSibling();
      switch (child.getNodeName()) {
        case "CommentExtensions", "PlainTextExtension" -> tree.removeChild(child);
        case "ApplicationExtensions" -> keepAnimationExtensions(child);
        default -> {}
      }
      child = next;
    }
    return tree;
  }

  private static void keepAnimationExtensions(Node extensions) {
    for (Node child = extensions.getFirstChild(); child != null; ) {
      Node next = child.getNextSibling();
      String application = ((IIOMetadataNode) child).getAttribute("applicationID");
      if (!GIF_KEPT_APPLICATIONS.contains(application)) {
        extensions.removeChild(child);
      }
      child = next;
    }
  }

  private static void checkPixels(int width, int height, long max) {
    if (width <= 0 || height <= 0) {
      throw UploadedImage.unreadable("The image has no pixels.");
    }
    checkPixels((long) width * height, max);
  }

  /** Refuses a decompression bomb: a small file that would take gigabytes once decoded. */
  private static void checkPixels(long pixels, long max) {
    if (pixels > max) {
      throw UploadedImage.tooManyPixels(pixels, max);
    }
  }

  /**
   * RGB or greyscale pixels in a standard layout: an image read with another colour space (an
   * embedded ICC profile) is converted to sRGB, so that no profile needs to be written.
   */
  private static BufferedImage plain(BufferedImage image) {
    if (PLAIN_TYPES.contains(image.getType())) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  /** The pixels turned as EXIF orientation 1 to 8 (TIFF 6.0) asks, so that none is needed. */
  static BufferedImage oriented(BufferedImage image, int orientation) {
    int w = image.getWidth();
    int h = image.getHeight();
    AffineTransform turn =
        switch (orientation) {
          case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
          case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
          case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
          case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
          case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
          case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
          case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
          default -> null;
        };
    if (turn == null) {
      return image;
    }
    boolean swapped = orientation >= 5;
    BufferedImage upright = new BufferedImage(swapped ? h : w, swapped ? w : h, image.getType());
    Raster from = image.getRaster();
    WritableRaster to = upright.getRaster();
    Object pixel = null;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        // where the centre of pixel (x, y) lands: exact, no interpolation, any pixel layout
        double cx = x + 0.5;
        double cy = y + 0.5;
        int tx =
            (int) Math.floor(turn.getScaleX() * cx + turn.getShearX() * cy + turn.getTranslateX());
        int ty =
            (int) Math.floor(turn.getShearY() * cx + turn.getScaleY() * cy + turn.getTranslateY());
        pixel = from.getDataElements(x, y, pixel);
        to.setDataElements(tx, ty, pixel);
      }
    }
    return upright;
  }

  private static byte[] write(ImageWriter writer, ImageWriteParam param, IIOImage image)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, image, param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static String formatName(ImageType type) {
    return switch (type) {
      case JPEG -> "jpeg";
      case PNG -> "png";
      case GIF -> "gif";
      case WEBP -> throw new IllegalArgumentException("The JDK has no WebP codec");
    };
  }
}
