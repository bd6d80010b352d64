package com.snackmanager.snack.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.defaults.web.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class ImageTypeTest {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
  static final byte[] GIF = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
  static final byte[] WEBP =
      "RIFF\u0024\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};

  @Test
  void formatsAreRecognisedByTheirLeadingBytes() {
    assertThat(ImageType.detect(JPEG)).contains(ImageType.JPEG);
    assertThat(ImageType.detect(PNG)).contains(ImageType.PNG);
    assertThat(ImageType.detect(GIF)).contains(ImageType.GIF);
    assertThat(ImageType.detect("GIF87a..".getBytes(StandardCharsets.US_ASCII)))
        .contains(ImageType.GIF);
    assertThat(ImageType.detect(WEBP)).contains(ImageType.WEBP);
  }

  @Test
  void anythingElseIsNoImage() {
    assertThat(
            ImageType.detect(
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(ImageType.detect("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(
            ImageType.detect(
                "RIFF\u0024\u0000\u0000\u0000WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)))
        .isEmpty();
    assertThat(ImageType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    assertThat(ImageType.detect(new byte[0])).isEmpty();
  }

  @Test
  void anUploadIsCheckedForFormatAndSize() {
    byte[] png = TestImages.picture("png", 2, 2);
    UploadedImage image = UploadedImage.check(png, limit(100));
    assertThat(image.type().contentType()).isEqualTo("image/png");
    assertThat(image.sha256()).hasSize(64).matches("[0-9a-f]+");

    assertThatThrownBy(
            () -> UploadedImage.check("hello".getBytes(StandardCharsets.UTF_8), limit(100)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(e.errors()).containsKey("image");
            });
    assertThatThrownBy(() -> UploadedImage.check(JPEG, limit(5)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
  }

  private static ImageProperties limit(long bytes) {
    return new ImageProperties(DataSize.ofBytes(bytes), null, null, 40_000_000);
  }
}
