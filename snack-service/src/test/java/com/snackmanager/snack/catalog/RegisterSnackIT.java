package com.snackmanager.snack.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.snack.SnackServiceTest;
import com.snackmanager.snack.image.TestImages;
import com.snackmanager.snack.image.UploadedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** POST /snacks/ by JSON and by multipart, and everything a client can get wrong about it. */
class RegisterSnackIT extends SnackServiceTest {

  private static final String NOT_AN_IMAGE = UploadedImage.NOT_AN_IMAGE;

  private long snacksNamed(String name) {
    return count("SELECT count(*) FROM snack WHERE name = $1", name);
  }

  @Test
  void aMemberRegistersASnackWithItsPictureByMultipart() {
    Fixture shin = FIXTURES.get(0);
    String name = shin.name() + " " + unique();
    var response =
        postForm(
            member(),
            form(jsonBody(shin, name), shin.imageBytes(), shin.image(), "image/jpeg"),
            null);
    response.expectHeader().valueMatches("Location", "/snacks/sn_[0-9A-Za-z]{10}");
    JsonNode snack = json(response, HttpStatus.CREATED);

    assertThat(snack.propertyNames())
        .containsExactly(
            "uid",
            "name",
            "url",
            "desc",
            "image",
            "currency",
            "price",
            "status",
            "like_reaction_count",
            "hate_reaction_count",
            "like_ratio",
            "created_at",
            "updated_at");
    String uid = snack.get("uid").stringValue();
    assertThat(snack.get("name").stringValue()).isEqualTo(name);
    assertThat(snack.get("url").stringValue()).isEqualTo(shin.url());
    assertThat(snack.get("desc").stringValue()).isEqualTo(shin.desc());
    assertThat(snack.get("image").stringValue()).isEqualTo("/snacks/" + uid + "/image");
    assertThat(snack.get("currency").stringValue()).isEqualTo("KRW");
    assertThat(snack.get("price").decimalValue()).isEqualByComparingTo("28000");
    assertThat(snack.get("price").isIntegralNumber()).isTrue();
    assertThat(snack.get("status").stringValue()).isEqualTo("ACTIVE");
    assertThat(snack.get("like_reaction_count").longValue()).isZero();
    assertThat(snack.get("hate_reaction_count").longValue()).isZero();
    assertThat(snack.get("like_ratio").decimalValue()).isEqualByComparingTo("0");
    assertIsoTimestamp(snack.get("created_at"));
    assertIsoTimestamp(snack.get("updated_at"));

    // stored re-encoded: the same picture without shin.jpg's EXIF, XMP, ICC and Photoshop segments
    byte[] stored = picture("/snacks/" + uid + "/image");
    assertThat(TestImages.jpegMarkers(stored)).doesNotContain(0xE1, 0xE2, 0xED);
    assertThat(TestImages.decode(stored).getWidth())
        .isEqualTo(TestImages.decode(shin.imageBytes()).getWidth());
  }

  @Test
  void aMemberRegistersASnackByJsonWithoutAPicture() {
    Fixture binch = FIXTURES.get(4);
    String name = binch.name() + " " + unique();
    JsonNode snack = json(postJson("/snacks", member(), jsonBody(binch, name)), HttpStatus.CREATED);
    assertThat(snack.get("image").isNull()).isTrue();
    assertThat(snack.get("price").decimalValue()).isEqualByComparingTo("2960");

    JsonNode read =
        json(get("/snacks/" + snack.get("uid").stringValue() + "/", member()), HttpStatus.OK);
    assertThat(read).isEqualTo(snack);
  }

  @Test
  void dollarAndYenPricesKeepTheirDecimals() {
    Map<String, Object> body = jsonBody(FIXTURES.get(3), "Pringles Original " + unique());
    body.put("currency", "USD");
    body.put("price", "1.5");
    JsonNode dollars = json(postJson("/snacks/", member(), body), HttpStatus.CREATED);
    assertThat(dollars.get("price").toString()).isEqualTo("1.50");

    body.put("name", "Pocky " + unique());
    body.put("currency", "JPY");
    body.put("price", 158);
    JsonNode yen = json(postJson("/snacks/", member(), body), HttpStatus.CREATED);
    assertThat(yen.get("price").toString()).isEqualTo("158");
  }

  @Test
  void missingFieldsAreAllNamed() {
    JsonNode problem = json(postJson("/snacks/", member(), Map.of()), HttpStatus.BAD_REQUEST);
    assertThat(problem.get("errors").propertyNames())
        .containsExactlyInAnyOrder("name", "url", "currency", "price");
    assertThat(problem.get("detail").stringValue()).isEqualTo("name: This field is required.");

    // an empty multipart form the same
    JsonNode form =
        json(
            postForm(member(), form(Map.of("desc", "설명"), null, null, null), null),
            HttpStatus.BAD_REQUEST);
    assertThat(form.get("errors").propertyNames())
        .containsExactlyInAnyOrder("name", "url", "currency", "price");
  }

  @Test
  void wrongTypesAndValuesAreFieldErrorsAndWriteNothing() {
    String name = "잘못된 과자 " + unique();
    Map<String, Object> body = new LinkedHashMap<>(jsonBody(FIXTURES.get(2), name));
    body.put("price", "abc");
    expectFieldError(postJson("/snacks/", member(), body), "price");
    body.put("price", true);
    expectFieldError(postJson("/snacks/", member(), body), "price");
    body.put("price", Map.of("amount", 500));
    expectFieldError(postJson("/snacks/", member(), body), "price");
    body.put("price", -500);
    expectFieldError(postJson("/snacks/", member(), body), "price");
    body.put("price", 500.5);
    expectFieldError(postJson("/snacks/", member(), body), "price");
    body.put("price", 1_000_000_000_000L);
    expectFieldError(postJson("/snacks/", member(), body), "price");
    body.put("price", 500);

    body.put("currency", "EUR");
    expectFieldError(postJson("/snacks/", member(), body), "currency");
    body.put("currency", 410);
    expectFieldError(postJson("/snacks/", member(), body), "currency");
    body.put("currency", "KRW");

    for (String url :
        new String[] {"ftp://files.example.com/a", "javascript:alert(1)", "not a url"}) {
      body.put("url", url);
      expectFieldError(postJson("/snacks/", member(), body), "url");
    }
    body.put("url", FIXTURES.get(2).url());

    body.put("name", 12345);
    expectFieldError(postJson("/snacks/", member(), body), "name");
    body.put("name", "가".repeat(201));
    expectFieldError(postJson("/snacks/", member(), body), "name");
    body.put("name", name);
    body.put("desc", "d".repeat(2001));
    expectFieldError(postJson("/snacks/", member(), body), "desc");

    assertThat(snacksNamed(name)).isZero();
    // multipart text fields are checked the same way
    Map<String, Object> fields = new LinkedHashMap<>(jsonBody(FIXTURES.get(2), name));
    fields.put("price", "오백원");
    expectFieldError(postForm(member(), form(fields, null, null, null), null), "price");
    assertThat(snacksNamed(name)).isZero();
  }

  @Test
  void malformedOddAndHugeBodiesAreRefused() {
    String token = member();
    expectProblem(
        client
            .post()
            .uri("/snacks/")
            .contentType(MediaType.APPLICATION_JSON)
            .headers(h -> h.setBearerAuth(token))
            .bodyValue("{\"name\": \"과자\",")
            .exchange(),
        HttpStatus.BAD_REQUEST,
        "Malformed JSON request body.");
    expectProblem(
        client
            .post()
            .uri("/snacks/")
            .contentType(MediaType.APPLICATION_JSON)
            .headers(h -> h.setBearerAuth(token))
            .bodyValue("[1, 2]")
            .exchange(),
        HttpStatus.BAD_REQUEST,
        "The request body must be a JSON object.");
    client
        .post()
        .uri("/snacks/")
        .contentType(MediaType.TEXT_PLAIN)
        .headers(h -> h.setBearerAuth(token))
        .bodyValue("name=과자")
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

    Map<String, Object> huge = jsonBody(FIXTURES.get(1), "huge " + unique());
    huge.put("desc", "x".repeat(300 * 1024));
    postJson("/snacks/", token, huge).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);

    client
        .post()
        .uri("/snacks/")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .headers(h -> h.setBearerAuth(token))
        .bodyValue("--nothing\r\n")
        .exchange()
        .expectStatus()
        .isBadRequest();
  }

  @Test
  void aNonImageRenamedJpgIsRefusedWhateverItClaims() {
    String name = "가짜 사진 " + unique();
    byte[] text = "<html><script>alert('snack')</script></html>".getBytes(StandardCharsets.UTF_8);
    JsonNode problem =
        json(
            postForm(
                member(),
                form(jsonBody(FIXTURES.get(1), name), text, "buldak.jpg", "image/jpeg"),
                null),
            HttpStatus.BAD_REQUEST);
    assertThat(problem.get("detail").stringValue()).isEqualTo(NOT_AN_IMAGE);
    assertThat(problem.at("/errors/image/0").stringValue()).isEqualTo(NOT_AN_IMAGE);
    assertThat(snacksNamed(name)).isZero();
  }

  @Test
  void pngGifAndWebpAreRecognisedByContentNotByName() {
    Map<byte[], String> expected = new LinkedHashMap<>();
    expected.put(TestImages.picture("png", 3, 2), "image/png");
    expected.put(TestImages.picture("gif", 3, 2), "image/gif");
    expected.put(TestImages.WEBP_LOSSLESS, "image/webp");
    expected.forEach(
        (bytes, type) -> {
          JsonNode snack =
              json(
                  postForm(
                      member(),
                      // a misleading file name and client type: only the content counts
                      form(
                          jsonBody(FIXTURES.get(1), type + " " + unique()),
                          bytes,
                          "photo.jpg",
                          "application/octet-stream"),
                      null),
                  HttpStatus.CREATED);
          byte[] served =
              client
                  .get()
                  .uri(snack.get("image").stringValue())
                  .exchange()
                  .expectStatus()
                  .isOk()
                  .expectHeader()
                  .contentType(type)
                  .expectBody(byte[].class)
                  .returnResult()
                  .getResponseBody();
          if (type.equals("image/webp")) {
            assertThat(served).isEqualTo(bytes); // a clean WebP keeps its bytes
          } else {
            assertThat(TestImages.decode(served).getWidth()).isEqualTo(3);
          }
        });
  }

  @Test
  void anEmptyFileOrATextInsteadOfAFileIsAnImageError() {
    String name = "빈 파일 " + unique();
    JsonNode empty =
        json(
            postForm(
                member(),
                form(jsonBody(FIXTURES.get(1), name), new byte[0], "empty.jpg", "image/jpeg"),
                null),
            HttpStatus.BAD_REQUEST);
    assertThat(empty.at("/errors/image/0").stringValue()).isEqualTo(SnackForms.EMPTY_FILE);

    Map<String, Object> fields = new LinkedHashMap<>(jsonBody(FIXTURES.get(1), name));
    fields.put("image", "shin.jpg");
    JsonNode text =
        json(postForm(member(), form(fields, null, null, null), null), HttpStatus.BAD_REQUEST);
    assertThat(text.at("/errors/image/0").stringValue()).isEqualTo(SnackForms.NOT_A_FILE);
    assertThat(snacksNamed(name)).isZero();

    // a browser form whose file input was left empty sends an empty text field: no picture
    fields.put("image", "");
    JsonNode snack =
        json(postForm(member(), form(fields, null, null, null), null), HttpStatus.CREATED);
    assertThat(snack.get("image").isNull()).isTrue();
  }

  @Test
  void aPictureOfExactlyFiveMegabytesIsAcceptedAndOneByteMoreIs413() {
    byte[] five = jpegOf(5 * 1024 * 1024);
    json(
        postForm(
            member(),
            form(jsonBody(FIXTURES.get(1), "5MB " + unique()), five, "five.jpg", "image/jpeg"),
            null),
        HttpStatus.CREATED);

    String name = "5MB+1 " + unique();
    JsonNode problem =
        json(
            postForm(
                member(),
                form(
                    jsonBody(FIXTURES.get(1), name),
                    jpegOf(5 * 1024 * 1024 + 1),
                    "big.jpg",
                    "image/jpeg"),
                null),
            HttpStatus.CONTENT_TOO_LARGE);
    assertThat(problem.get("detail").stringValue()).isEqualTo("The image must be at most 5 MB.");
    assertThat(snacksNamed(name)).isZero();
  }

  @Test
  void sixAndFiftyMegabyteUploadsAre413() {
    for (int megabytes : new int[] {6, 50}) {
      String name = megabytes + "MB " + unique();
      expectProblem(
          postForm(
              member(),
              form(
                  jsonBody(FIXTURES.get(1), name),
                  jpegOf(megabytes * 1024 * 1024),
                  "big.jpg",
                  "image/jpeg"),
              null),
          HttpStatus.CONTENT_TOO_LARGE,
          "The request body is too large; a snack image may be at most 5 MB.");
      assertThat(snacksNamed(name)).isZero();
    }
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() {
    String boundary = "snack-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"x.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(jpegOf(6 * 1024 * 1024));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    byte[] bytes = body.toByteArray();
    String token = member();
    client
        .post()
        .uri("/snacks/")
        .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
        .contentLength(bytes.length)
        .headers(h -> h.setBearerAuth(token))
        .bodyValue(bytes)
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
  }

  @Test
  void aTooLargeBodyIsReadOutAndAnsweredOnAConnectionThatStaysUsable() throws IOException {
    String token = member();
    for (boolean chunked : new boolean[] {false, true}) {
      byte[] part =
          "--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"x.jpg\"\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII);
      byte[] chunk = new byte[64 * 1024];
      int chunks = 100; // 6.5 MB
      String framing =
          chunked
              ? "Transfer-Encoding: chunked"
              : "Content-Length: " + (part.length + (long) chunk.length * chunks);
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /snacks/ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token
                    + "\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                    + framing
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        writeChunk(out, part, chunked);
        for (int i = 0; i < chunks; i++) {
          writeChunk(out, chunk, chunked);
        }
        if (chunked) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        // the same connection serves the next request
        out.write(
            ("GET /snacks/sn_0000000000 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        String responses =
            new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(responses).as(framing).startsWith("HTTP/1.1 413").contains("HTTP/1.1 404");
      }
    }
  }

  @Test
  void aBodyTooLargeToBeWorthReadingIsRefusedAtOnceAndItsConnectionClosed() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      socket
          .getOutputStream()
          .write(
              ("POST /snacks/ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                      + member()
                      + "\r\nContent-Type: multipart/form-data; boundary=b"
                      + "\r\nContent-Length: 500000000\r\n\r\n--b\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String response =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(response).startsWith("HTTP/1.1 413");
      assertThat(response.toLowerCase()).contains("connection: close");
    }
  }

  private static void writeChunk(OutputStream out, byte[] bytes, boolean chunked)
      throws IOException {
    if (chunked) {
      out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    out.write(bytes);
    if (chunked) {
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
  }

  @Test
  void registeringNeedsAToken() {
    expectProblem(
        postJson("/snacks/", null, jsonBody(FIXTURES.get(1), "익명 " + unique())),
        HttpStatus.UNAUTHORIZED,
        "Authentication credentials were not provided.");
    expectProblem(
        postJson("/snacks/", "not-a-token", jsonBody(FIXTURES.get(1), "익명 " + unique())),
        HttpStatus.UNAUTHORIZED,
        "Given token not valid for any token type");
    postForm(
            null,
            form(
                jsonBody(FIXTURES.get(1), "익명 " + unique()),
                FIXTURES.get(1).imageBytes(),
                "a.jpg",
                "image/jpeg"),
            null)
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void oneSnackIsReadByUidAndAnUnknownUidIs404() {
    JsonNode snack = register("하나 " + unique());
    get("/snacks/" + snack.get("uid").stringValue(), member())
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo(snack.get("name").stringValue());
    expectProblem(
        get("/snacks/sn_0000000000/", member()), HttpStatus.NOT_FOUND, "Snack not found.");
    expectProblem(get("/snacks/not-a-uid/", member()), HttpStatus.NOT_FOUND, "Snack not found.");
    get("/snacks/sn_0000000000/", null).expectStatus().isUnauthorized();
  }

  /** A JPEG of {@code size} bytes: a real photo, then zeros after its end (dropped on storing). */
  static byte[] jpegOf(int size) {
    return Arrays.copyOf(FIXTURES.get(4).imageBytes(), size);
  }
}
