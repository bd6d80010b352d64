package com.snackmanager.snack.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.snack.SnackServiceTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** Each registration writes one snack.registered event in its transaction; the relay sends it. */
class OutboxIT extends SnackServiceTest {

  @Test
  void aRegistrationWritesTheFullSnackAsAnEventThatIsPublished() {
    long memberId = newMemberId();
    Fixture buldak = FIXTURES.get(1);
    String name = buldak.name() + " " + unique();
    JsonNode snack =
        json(
            postForm(
                com.snackmanager.testsupport.TestTokens.get().member(memberId),
                form(jsonBody(buldak, name), buldak.imageBytes(), buldak.image(), "image/jpeg"),
                null),
            HttpStatus.CREATED);
    String uid = snack.get("uid").stringValue();

    Map<String, Object> row =
        db.sql(
                "SELECT topic, event_type, event_version, payload FROM outbox WHERE aggregate_id = :uid")
            .bind("uid", uid)
            .fetch()
            .one()
            .block();
    assertThat(row)
        .containsEntry("topic", "snack.catalog.v1")
        .containsEntry("event_type", "snack.registered")
        .containsEntry("event_version", 1);
    JsonNode envelope = JSON.readTree((String) row.get("payload"));
    assertThat(envelope.get("aggregate_id").stringValue()).isEqualTo(uid);
    JsonNode payload = envelope.get("payload");
    assertThat(payload.get("snack_uid").stringValue()).isEqualTo(uid);
    assertThat(payload.get("name").stringValue()).isEqualTo(name);
    assertThat(payload.get("url").stringValue()).isEqualTo(buldak.url());
    assertThat(payload.get("desc").stringValue()).isEqualTo(buldak.desc());
    assertThat(payload.get("image_url").stringValue()).isEqualTo("/snacks/" + uid + "/image");
    assertThat(payload.get("currency").stringValue()).isEqualTo("KRW");
    assertThat(payload.get("price").decimalValue()).isEqualByComparingTo("3390");
    assertThat(payload.get("status").stringValue()).isEqualTo("ACTIVE");
    assertThat(payload.get("registered_by").longValue()).isEqualTo(memberId);
    assertThat(payload.get("registered_at").stringValue()).isNotBlank();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                count(
                        "SELECT count(*) FROM outbox WHERE aggregate_id = $1 AND published_at IS NOT NULL",
                        uid)
                    == 1);
  }

  @Test
  void aRefusedRegistrationWritesNoEvent() {
    String name = "거절 " + unique();
    register(name);
    long before = count("SELECT count(*) FROM outbox");
    postJson("/snacks/", member(), jsonBody(FIXTURES.get(0), name.toUpperCase()))
        .expectStatus()
        .isBadRequest();
    Map<String, Object> invalid = jsonBody(FIXTURES.get(0), name + " 2");
    invalid.put("price", -1);
    postJson("/snacks/", member(), invalid).expectStatus().isBadRequest();
    assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(before);
  }
}
