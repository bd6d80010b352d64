package com.snackmanager.snack.image;

import static com.snackmanager.snack.image.TestImages.HTML;
import static com.snackmanager.snack.image.TestImages.concat;
import static com.snackmanager.snack.image.TestImages.contains;
import static com.snackmanager.snack.image.TestImages.decode;
import static com.snackmanager.snack.image.TestImages.jpegMarkers;
import static com.snackmanager.snack.image.TestImages.picture;
import static com.snackmanager.snack.image.TestImages.pngChunks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.defaults.web.ApiException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * Every upload is rewritten: decoded and encoded again (JPEG, PNG, GIF) or reduced to its picture's
 * chunks (WebP), so that no metadata and nothing appended to the image data is ever stored.
 */
class UploadedImageTest {

  static final ImageProperties LIMITS =
      new ImageProperties(
          DataSize.ofMegabytes(5), Duration.ofDays(1), DataSize.ofMegabytes(64), 40_000_000);

  private static final int SOI_APP1 = 0xE1;

  private static final List<String> PHOTOS =
      List.of(
          "binch.jpg", "buldak.jpg", "gamjaggang.jpg", "guronsan.jpg", "pringles.jpg", "shin.jpg");

  @Test
  void theSnackPhotosStayThePicturesTheyAreWithoutTheirMetadata() throws IOException {
    for (String photo : PHOTOS) {
      byte[] original = fixture(photo);
      UploadedImage image = UploadedImage.check(original, LIMITS);

      assertThat(image.type()).isEqualTo(ImageType.JPEG);
      BufferedImage before = decode(original);
      BufferedImage after = decode(image.bytes());
      assertThat(after.getWidth()).as(photo).isEqualTo(before.getWidth());
      assertThat(after.getHeight()).as(photo).isEqualTo(before.getHeight());
      assertClose(after, before, photo);
      // JFIF only: no EXIF/XMP (E1), ICC (E2), Photoshop/IPTC (ED)
      assertThat(jpegMarkers(image.bytes())).as(photo).doesNotContain(0xE1, 0xE2, 0xED, 0xEE, 0xFE);
      assertThat(image.sha256()).isEqualTo(UploadedImage.sha256(image.bytes()));
    }
    // shin.jpg is a real photo carrying EXIF, XMP, an ICC profile and Photoshop data
    byte[] shin = fixture("shin.jpg");
    assertThat(jpegMarkers(shin)).contains(0xE1, 0xE2, 0xED);
    byte[] stored = UploadedImage.check(shin, LIMITS).bytes();
    assertThat(contains(stored, "Exif")).isFalse();
    assertThat(contains(stored, "http://ns.adobe.com/xap")).isFalse();
    assertThat(contains(stored, "ICC_PROFILE")).isFalse();
  }

  @Test
  void aPhonePhotosGpsPositionIsDroppedAndItsOrientationAppliedToThePixels() {
    // 40 × 20, red above blue; EXIF orientation 6: shown turned 90° clockwise
    byte[] phone = TestImages.withGpsExif(picture("jpeg", 40, 20), 6);
    assertThat(jpegMarkers(phone)).contains(SOI_APP1);
    assertThat(decode(phone).getWidth()).isEqualTo(40);

    UploadedImage image = UploadedImage.check(phone, LIMITS);

    assertThat(jpegMarkers(image.bytes())).doesNotContain(SOI_APP1);
    assertThat(contains(image.bytes(), "Exif")).isFalse();
    BufferedImage upright = decode(image.bytes());
    assertThat(upright.getWidth()).isEqualTo(20);
    assertThat(upright.getHeight()).isEqualTo(40);
    // the top (red) is now on the right, the bottom (blue) on the left
    assertThat(isMostly(upright.getRGB(16, 20), Color.RED)).isTrue();
    assertThat(isMostly(upright.getRGB(3, 20), Color.BLUE)).isTrue();
  }

  @Test
  void theOrientationIsReadInEitherByteOrderAndIgnoredWhenMalformed() {
    byte[] jpeg = picture("jpeg", 8, 4);
    assertThat(JpegOrientation.of(TestImages.withGpsExif(jpeg, 8, ByteOrder.LITTLE_ENDIAN)))
        .isEqualTo(8);
    assertThat(JpegOrientation.of(TestImages.withGpsExif(jpeg, 3, ByteOrder.BIG_ENDIAN)))
        .isEqualTo(3);
    assertThat(JpegOrientation.of(TestImages.withGpsExif(jpeg, 9, ByteOrder.BIG_ENDIAN)))
        .isEqualTo(JpegOrientation.AS_STORED);
    assertThat(JpegOrientation.of(jpeg)).isEqualTo(JpegOrientation.AS_STORED);
    byte[] cut = TestImages.withGpsExif(jpeg, 6, ByteOrder.BIG_ENDIAN);
    assertThat(JpegOrientation.of(Arrays.copyOf(cut, 30))).isEqualTo(JpegOrientation.AS_STORED);
  }

  @Test
  void everyExifOrientationIsTurnedUpright() {
    BufferedImage source = decode(picture("png", 4, 2)); // red row above blue row
    for (int orientation = 1; orientation <= 8; orientation++) {
      BufferedImage turned = RasterImages.oriented(source, orientation);
      boolean swapped = orientation >= 5;
      assertThat(turned.getWidth()).isEqualTo(swapped ? 2 : 4);
      // where the source's top-left (red) pixel ends up, as TIFF 6.0 defines orientations
      int[] redCorner =
          switch (orientation) {
            case 1, 5 -> new int[] {0, 0};
            case 2 -> new int[] {3, 0};
            case 3 -> new int[] {3, 1};
            case 4 -> new int[] {0, 1};
            case 6 -> new int[] {1, 0};
            case 7 -> new int[] {1, 3};
            default -> new int[] {0, 3};
          };
      assertThat(turned.getRGB(redCorner[0], redCorner[1]) & 0xFFFFFF)
          .as("orientation %d", orientation)
          .isEqualTo(0xFF0000);
    }
  }

  @Test
  void aPolyglotPngLosesWhatFollowsItsImageDataAndItsTextChunks() {
    byte[] png =
        TestImages.withPngChunk(
            picture("png", 30, 30),
            "tEXt",
            "Comment\0<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1));
    byte[] polyglot = concat(png, HTML);
    assertThat(decode(polyglot).getWidth()).isEqualTo(30);

    UploadedImage image = UploadedImage.check(polyglot, LIMITS);

    assertThat(image.type()).isEqualTo(ImageType.PNG);
    assertThat(pngChunks(image.bytes())).doesNotContain("tEXt").endsWith("IEND");
    assertThat(contains(image.bytes(), "<script")).isFalse();
    assertThat(contains(image.bytes(), "<html")).isFalse();
    assertThat(endsWithIend(image.bytes())).isTrue();
    assertClose(decode(image.bytes()), decode(png), "png");
  }

  @Test
  void aJpegWithAnAppendedZipArchiveIsStoredWithoutIt() throws IOException {
    byte[] photo = fixture("pringles.jpg");
    byte[] polyglot = concat(photo, TestImages.zip());

    byte[] stored = UploadedImage.check(polyglot, LIMITS).bytes();

    assertThat(contains(stored, new byte[] {'P', 'K', 3, 4})).isFalse();
    assertThat(contains(stored, new byte[] {'P', 'K', 5, 6})).isFalse();
    assertThat(Arrays.copyOfRange(stored, stored.length - 2, stored.length))
        .containsExactly(0xFF, 0xD9);
    assertThat(decode(stored).getWidth()).isEqualTo(372);
  }

  @Test
  void anAnimatedGifKeepsItsFramesAndTimingButNotItsCommentsOrTrailingBytes() throws IOException {
    byte[] gif = concat(animatedGif(), HTML);

    UploadedImage image = UploadedImage.check(gif, LIMITS);

    assertThat(image.type()).isEqualTo(ImageType.GIF);
    assertThat(image.bytes()[image.bytes().length - 1]).isEqualTo((byte) 0x3B); // the trailer
    assertThat(contains(image.bytes(), "<html")).isFalse();
    assertThat(contains(image.bytes(), "secret comment")).isFalse();
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in =
        ImageIO.createImageInputStream(new ByteArrayInputStream(image.bytes()))) {
      reader.setInput(in);
      assertThat(reader.getNumImages(true)).isEqualTo(2);
      IIOMetadataNode first =
          (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
      IIOMetadataNode control =
          (IIOMetadataNode) first.getElementsByTagName("GraphicControlExtension").item(0);
      assertThat(control.getAttribute("delayTime")).isEqualTo("50");
      assertThat(first.getElementsByTagName("CommentExtensions").getLength()).isZero();
      IIOMetadataNode loop =
          (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
      assertThat(loop.getAttribute("applicationID")).isEqualTo("NETSCAPE");
      assertThat(isMostly(reader.read(1).getRGB(1, 1), Color.BLUE)).isTrue();
    } finally {
      reader.dispose();
    }
  }

  @Test
  void aDecompressionBombIsRefusedFromItsHeader() throws IOException {
    assertRefused(
        TestImages.pngDeclaring(50_000, 50_000),
        "The image has 2500.0 megapixels; at most 40.0 are accepted.");
    assertRefused(
        TestImages.jpegDeclaring(fixture("binch.jpg"), 60_000, 60_000),
        "The image has 3600.0 megapixels; at most 40.0 are accepted.");
    byte[] gif =
        concat(
            "GIF89a".getBytes(StandardCharsets.US_ASCII),
            new byte[] {1, 0, 1, 0, 0, 0, 0},
            new byte[] {0x2C, 0, 0, 0, 0, 0x60, (byte) 0xEA, 0x60, (byte) 0xEA, 0},
            new byte[] {2, 2, 0x4C, 0x01, 0, 0x3B});
    assertRefused(gif, "The image has 3600.0 megapixels; at most 40.0 are accepted.");
    byte[] canvas = new byte[10];
    canvas[4] = (byte) 0xFF; // width - 1 = 0x3FFF
    canvas[5] = 0x3F;
    canvas[7] = (byte) 0xFF;
    canvas[8] = 0x3F;
    assertRefused(
        TestImages.webp(
            TestImages.riffChunk("VP8X", canvas),
            Arrays.copyOfRange(TestImages.WEBP_LOSSLESS, 12, TestImages.WEBP_LOSSLESS.length)),
        "The image has 268.4 megapixels; at most 40.0 are accepted.");
  }

  @Test
  void aPictureThatDoesNotDecodeIsA400SayingSo() {
    byte[] png = picture("png", 30, 30);
    assertRefused(
        Arrays.copyOf(png, png.length / 2),
        "The image could not be decoded as a PNG; it is damaged or incomplete.");
    assertRefused(
        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0, 0, 0, 0},
        "The image could not be decoded as a JPEG; it is damaged or incomplete.");
    assertRefused(
        "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1),
        "The image could not be decoded as a GIF; it is damaged or incomplete.");
  }

  @Test
  void aCmykJpegIsStoredInRgb() throws IOException {
    // four-channel pixels written as they are: a CMYK JPEG, as print software saves one
    WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 8, 8, 4, null);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(cmyk, null, null), null);
    } finally {
      writer.dispose();
    }

    UploadedImage image = UploadedImage.check(bytes.toByteArray(), LIMITS);

    BufferedImage stored = decode(image.bytes());
    assertThat(stored.getRaster().getNumBands()).isEqualTo(3);
    assertThat(stored.getWidth()).isEqualTo(8);
  }

  @Test
  void aCleanWebpIsKeptByteForByte() {
    for (byte[] webp :
        List.of(TestImages.WEBP_LOSSLESS, TestImages.WEBP_ALPHA, TestImages.WEBP_ANIMATED)) {
      UploadedImage image = UploadedImage.check(webp, LIMITS);
      assertThat(image.type()).isEqualTo(ImageType.WEBP);
      assertThat(image.bytes()).isEqualTo(webp);
    }
  }

  @Test
  void aWebpLosesItsExifXmpIccUnknownChunksAndTrailingBytes() {
    byte[] alpha = TestImages.WEBP_ALPHA;
    byte[] vp8x = Arrays.copyOfRange(alpha, 20, 30);
    vp8x[0] |= 0x20 | 0x08 | 0x04; // ICC, EXIF, XMP
    byte[] pictureChunks = Arrays.copyOfRange(alpha, 30, alpha.length);
    byte[] dirty =
        concat(
            TestImages.webp(
                TestImages.riffChunk("VP8X", vp8x),
                TestImages.riffChunk("ICCP", "an icc profile".getBytes(StandardCharsets.US_ASCII)),
                pictureChunks,
                TestImages.riffChunk("EXIF", "Exif\0\0GPS 37N".getBytes(StandardCharsets.US_ASCII)),
                TestImages.riffChunk("XMP ", "<x:xmpmeta/>".getBytes(StandardCharsets.US_ASCII)),
                TestImages.riffChunk("HTML", HTML)),
            HTML);

    byte[] stored = UploadedImage.check(dirty, LIMITS).bytes();

    assertThat(stored).isEqualTo(alpha);
  }

  @Test
  void aMalformedWebpIsA400() {
    byte[] cut = Arrays.copyOf(TestImages.WEBP_ALPHA, 40);
    assertRefused(cut, "The WebP image is malformed: it is incomplete.");
    byte[] fixedLength = TestImages.webp(Arrays.copyOfRange(TestImages.WEBP_ALPHA, 12, 40));
    assertRefused(fixedLength, "The WebP image is malformed: its \"ALPH\" chunk is cut off.");
    assertRefused(
        TestImages.webp(TestImages.riffChunk("VP8 ", new byte[12])),
        "The WebP image is malformed: its VP8 bitstream has no key frame header.");
    assertRefused(
        TestImages.webp(TestImages.riffChunk("EXIF", new byte[4])),
        "The WebP image is malformed: it starts with a \"EXIF\" chunk.");
    assertRefused(
        TestImages.webp(
            TestImages.riffChunk("VP8X", new byte[10]), TestImages.riffChunk("ANIM", new byte[6])),
        "The WebP image is malformed: it has no image data.");
  }

  @Test
  void theUploadLimitIsCheckedBeforeAnythingIsDecoded() {
    assertThatThrownBy(
            () ->
                UploadedImage.check(
                    new byte[6], new ImageProperties(DataSize.ofBytes(5), null, null, 40)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
  }

  private static void assertRefused(byte[] bytes, String detail) {
    assertThatThrownBy(() -> UploadedImage.check(bytes, LIMITS))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(e.getMessage()).isEqualTo(detail);
              assertThat(e.errors().get("image")).containsExactly(detail);
            });
  }

  /** Two 4 × 4 frames (red, then blue), 0.5 s each, looping, with a comment. */
  private static byte[] animatedGif() throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      for (Color color : new Color[] {Color.RED, Color.BLUE}) {
        BufferedImage frame = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        var g = frame.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 4, 4);
        g.dispose();
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(frame), null);
        String format = "javax_imageio_gif_image_1.0";
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", "50");
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        IIOMetadataNode comments = new IIOMetadataNode("CommentExtensions");
        IIOMetadataNode comment = new IIOMetadataNode("CommentExtension");
        comment.setAttribute("value", "secret comment");
        comments.appendChild(comment);
        root.appendChild(comments);
        IIOMetadataNode applications = new IIOMetadataNode("ApplicationExtensions");
        IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
        loop.setAttribute("applicationID", "NETSCAPE");
        loop.setAttribute("authenticationCode", "2.0");
        loop.setUserObject(new byte[] {1, 0, 0});
        applications.appendChild(loop);
        root.appendChild(applications);
        metadata.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(frame, null, metadata), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    byte[] gif = bytes.toByteArray();
    assertThat(contains(gif, "secret comment")).isTrue();
    return gif;
  }

  /** A photo of the shared fixtures ({@code shared/fixtures/snacks}, copied as the demo data). */
  private static byte[] fixture(String name) throws IOException {
    try (InputStream in =
        UploadedImageTest.class.getClassLoader().getResourceAsStream("demo/snacks/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static boolean endsWithIend(byte[] png) {
    byte[] end = Arrays.copyOfRange(png, png.length - 8, png.length - 4);
    return new String(end, StandardCharsets.US_ASCII).equals("IEND");
  }

  private static boolean isMostly(int rgb, Color color) {
    Color actual = new Color(rgb);
    return Math.abs(actual.getRed() - color.getRed()) < 40
        && Math.abs(actual.getGreen() - color.getGreen()) < 40
        && Math.abs(actual.getBlue() - color.getBlue()) < 40;
  }

  /** Re-encoding a JPEG at quality 0.9 keeps every pixel close to what it was. */
  private static void assertClose(BufferedImage actual, BufferedImage expected, String what) {
    long difference = 0;
    for (int y = 0; y < expected.getHeight(); y += 7) {
      for (int x = 0; x < expected.getWidth(); x += 7) {
        Color a = new Color(actual.getRGB(x, y));
        Color e = new Color(expected.getRGB(x, y));
        difference +=
            Math.abs(a.getRed() - e.getRed())
                + Math.abs(a.getGreen() - e.getGreen())
                + Math.abs(a.getBlue() - e.getBlue());
      }
    }
    long samples = (long) ((expected.getHeight() + 6) / 7) * ((expected.getWidth() + 6) / 7);
    assertThat(difference / (3.0 * samples))
        .as(what + ": mean difference per channel")
        .isLessThan(6);
  }
}
