package com.snackmanager.snack.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.snack.SnackServiceTest;
import com.snackmanager.snack.image.TestImages;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/**
 * GET /snacks/{uid}/image: public, typed, cacheable, revalidated by a strong ETag, sandboxed; and
 * what is served is the upload rewritten, never the file as sent.
 */
class SnackImageIT extends SnackServiceTest {

  @Test
  void aPictureIsServedToAnyoneWithItsTypeETagAndCacheHeaders() throws Exception {
    Fixture guronsan = FIXTURES.get(2);
    String image =
        registerWithImage(guronsan.name() + " " + unique(), guronsan).get("image").stringValue();

    EntityExchangeResult<byte[]> result =
        client
            .get()
            .uri(image)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType(MediaType.IMAGE_JPEG)
            .expectHeader()
            .valueEquals("Cache-Control", "max-age=86400, public")
            .expectHeader()
            .valueEquals("X-Content-Type-Options", "nosniff")
            .expectHeader()
            .valueEquals("Content-Security-Policy", "sandbox")
            .expectBody(byte[].class)
            .returnResult();
    byte[] served = result.getResponseBody();
    assertThat(result.getResponseHeaders().getContentLength()).isEqualTo(served.length);
    assertThat(result.getResponseHeaders().getETag()).isEqualTo("\"" + sha256(served) + "\"");
    assertThat(TestImages.decode(served).getWidth()).isEqualTo(640);

    // a stale token sent along is ignored, not refused
    client
        .get()
        .uri(image)
        .headers(h -> h.setBearerAuth("expired-or-forged"))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void ifNoneMatchWithTheCurrentTagIs304() {
    Fixture pringles = FIXTURES.get(3);
    String image =
        registerWithImage(pringles.name() + " " + unique(), pringles).get("image").stringValue();
    String etag =
        client
            .get()
            .uri(image)
            .exchange()
            .expectBody()
            .returnResult()
            .getResponseHeaders()
            .getETag();

    for (String tag : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
      EntityExchangeResult<byte[]> notModified =
          client
              .get()
              .uri(image)
              .header("If-None-Match", tag)
              .exchange()
              .expectStatus()
              .isNotModified()
              .expectHeader()
              .valueEquals("ETag", etag)
              .expectHeader()
              .valueEquals("Cache-Control", "max-age=86400, public")
              .expectHeader()
              .valueEquals("Content-Security-Policy", "sandbox")
              .expectBody()
              .returnResult();
      assertThat(notModified.getResponseBody()).as(tag).isNull();
    }
    client.get().uri(image).header("If-None-Match", "\"other\"").exchange().expectStatus().isOk();
  }

  @Test
  void anUnknownSnackOrASnackWithoutPictureIs404() {
    expectProblem(
        client.get().uri("/snacks/sn_0000000000/image").exchange(),
        HttpStatus.NOT_FOUND,
        "Snack not found.");
    expectProblem(
        client.get().uri("/snacks/nonsense/image").exchange(),
        HttpStatus.NOT_FOUND,
        "Snack not found.");
    String uid = register("사진 없음 " + unique()).get("uid").stringValue();
    expectProblem(
        client.get().uri("/snacks/" + uid + "/image/").exchange(),
        HttpStatus.NOT_FOUND,
        "This snack has no image.");
  }

  @Test
  void aPhonePhotoIsStoredAndServedWithoutItsLocationAndUpright() {
    // 60 × 30, red above blue, with a GPS position and "turn 90° clockwise to show"
    byte[] phone = TestImages.withGpsExif(TestImages.picture("jpeg", 60, 30), 6);
    String uid = registerPicture("위치 사진 " + unique(), phone, "phone.jpg");

    byte[] served = picture("/snacks/" + uid + "/image");

    assertThat(TestImages.contains(served, "Exif")).isFalse();
    assertThat(TestImages.jpegMarkers(served)).doesNotContain(0xE1);
    assertThat(Arrays.copyOfRange(served, served.length - 2, served.length))
        .containsExactly(0xFF, 0xD9);
    BufferedImage upright = TestImages.decode(served);
    assertThat(upright.getWidth()).isEqualTo(30);
    assertThat(upright.getHeight()).isEqualTo(60);
    assertThat(stored(uid)).isEqualTo(served);
  }

  @Test
  void aPolyglotPngIsStoredAndServedWithoutItsHtml() {
    byte[] png = TestImages.picture("png", 16, 16);
    byte[] polyglot = TestImages.concat(png, TestImages.HTML);
    String uid = registerPicture("폴리글랏 " + unique(), polyglot, "innocent.png");

    EntityExchangeResult<byte[]> result =
        client
            .get()
            .uri("/snacks/" + uid + "/image")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType(MediaType.IMAGE_PNG)
            .expectHeader()
            .valueEquals("Content-Security-Policy", "sandbox")
            .expectHeader()
            .valueEquals("X-Content-Type-Options", "nosniff")
            .expectBody(byte[].class)
            .returnResult();
    byte[] served = result.getResponseBody();

    assertThat(TestImages.contains(served, "<script")).isFalse();
    assertThat(TestImages.pngChunks(served)).endsWith("IEND");
    assertThat(new String(served, served.length - 8, 4, StandardCharsets.US_ASCII))
        .isEqualTo("IEND");
    assertThat(TestImages.decode(served).getRGB(3, 3) & 0xFFFFFF).isEqualTo(0xFF0000);
    assertThat(stored(uid)).isEqualTo(served);
  }

  @Test
  void aPictureThatDoesNotDecodeOrDeclaresTooManyPixelsIsA400AndNothingIsWritten() {
    byte[] png = TestImages.picture("png", 16, 16);
    String cut = "잘린 사진 " + unique();
    expectImageProblem(
        cut,
        Arrays.copyOf(png, png.length / 2),
        "The image could not be decoded as a PNG; it is damaged or incomplete.");
    String bomb = "압축 폭탄 " + unique();
    expectImageProblem(
        bomb,
        TestImages.pngDeclaring(100_000, 100_000),
        "The image has 10000.0 megapixels; at most 40.0 are accepted.");
    assertThat(count("SELECT count(*) FROM snack WHERE name IN ($1, $2)", cut, bomb)).isZero();
  }

  private void expectImageProblem(String name, byte[] image, String detail) {
    JsonNode problem =
        json(
            postForm(
                member(), form(jsonBody(FIXTURES.get(1), name), image, "x.png", "image/png"), null),
            HttpStatus.BAD_REQUEST);
    assertThat(problem.get("detail").stringValue()).isEqualTo(detail);
    assertThat(problem.at("/errors/image/0").stringValue()).isEqualTo(detail);
  }

  private String registerPicture(String name, byte[] image, String filename) {
    return json(
            postForm(
                member(),
                form(jsonBody(FIXTURES.get(1), name), image, filename, "image/jpeg"),
                null),
            HttpStatus.CREATED)
        .get("uid")
        .stringValue();
  }

  /** The bytes in {@code snack_image}, as the database holds them. */
  private byte[] stored(String uid) {
    ByteBuffer data =
        db.sql(
                "SELECT i.data FROM snack_image i JOIN snack s ON s.id = i.snack_id"
                    + " WHERE s.uid = :uid")
            .bind("uid", uid)
            .map(row -> row.get("data", ByteBuffer.class))
            .one()
            .block();
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    return bytes;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
