package com.snackmanager.snack.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.snack.SnackServiceTest;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** GET /snacks/{uid}/image: public, typed, cacheable, revalidated by a strong ETag. */
class SnackImageIT extends SnackServiceTest {

  @Test
  void aPictureIsServedToAnyoneWithItsTypeETagAndCacheHeaders() throws Exception {
    Fixture guronsan = FIXTURES.get(2);
    String image =
        registerWithImage(guronsan.name() + " " + unique(), guronsan).get("image").stringValue();
    String etag =
        "\""
            + HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(guronsan.imageBytes()))
            + "\"";

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
            .contentLength(guronsan.imageBytes().length)
            .expectHeader()
            .valueEquals("ETag", etag)
            .expectHeader()
            .valueEquals("Cache-Control", "max-age=86400, public")
            .expectHeader()
            .valueEquals("X-Content-Type-Options", "nosniff")
            .expectBody(byte[].class)
            .returnResult();
    assertThat(result.getResponseBody()).isEqualTo(guronsan.imageBytes());

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
}
