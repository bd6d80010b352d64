package com.snackmanager.snack.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.snack.SnackServiceTest;
import com.snackmanager.testsupport.ServiceDatabase;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** PATCH /snacks/{uid}/: admins only, checked like a registration, optimistic locking. */
class EditSnackIT extends SnackServiceTest {

  private List<String> events(String uid) {
    return db.sql("SELECT event_type FROM outbox WHERE aggregate_id = :uid ORDER BY id")
        .bind("uid", uid)
        .map(row -> row.get("event_type", String.class))
        .all()
        .collectList()
        .block();
  }

  private long version(String uid) {
    return count("SELECT version FROM snack WHERE uid = $1", uid);
  }

  @Test
  void anAdminEditsFields() {
    JsonNode snack = register("편집 전 " + unique());
    String uid = snack.get("uid").stringValue();
    String name = "Edited Snack " + unique();
    JsonNode edited =
        json(
            patchJson(
                "/snacks/" + uid + "/",
                admin(),
                Map.of(
                    "name",
                    name,
                    "url",
                    "https://shop.example.com/x",
                    "desc",
                    "새 설명",
                    "currency",
                    "USD",
                    "price",
                    "2.50")),
            HttpStatus.OK);
    assertThat(edited.get("name").stringValue()).isEqualTo(name);
    assertThat(edited.get("url").stringValue()).isEqualTo("https://shop.example.com/x");
    assertThat(edited.get("desc").stringValue()).isEqualTo("새 설명");
    assertThat(edited.get("currency").stringValue()).isEqualTo("USD");
    assertThat(edited.get("price").toString()).isEqualTo("2.50");
    assertThat(edited.get("created_at")).isEqualTo(snack.get("created_at"));
    assertThat(edited.get("updated_at")).isNotEqualTo(snack.get("updated_at"));
    assertThat(json(get("/snacks/" + uid, member()), HttpStatus.OK)).isEqualTo(edited);
    assertThat(events(uid)).containsExactly("snack.registered", "snack.updated");

    String payload =
        db.sql(
                "SELECT payload FROM outbox WHERE aggregate_id = :uid AND event_type = 'snack.updated'")
            .bind("uid", uid)
            .map(row -> row.get("payload", String.class))
            .one()
            .block();
    JsonNode event = JSON.readTree(payload).get("payload");
    assertThat(event.get("name").stringValue()).isEqualTo(name);
    assertThat(event.get("price").toString()).isEqualTo("2.50");
    assertThat(event.get("currency").stringValue()).isEqualTo("USD");
    assertThat(event.get("status").stringValue()).isEqualTo("ACTIVE");
  }

  @Test
  void retiringPublishesUpdatedAndRetiredAndAnEditThatChangesNothingPublishesNothing() {
    String uid = register("은퇴 " + unique()).get("uid").stringValue();
    JsonNode retired =
        json(patchJson("/snacks/" + uid, admin(), Map.of("status", "RETIRED")), HttpStatus.OK);
    assertThat(retired.get("status").stringValue()).isEqualTo("RETIRED");
    assertThat(events(uid)).containsExactly("snack.registered", "snack.updated", "snack.retired");
    long version = version(uid);

    JsonNode again =
        json(patchJson("/snacks/" + uid, admin(), Map.of("status", "RETIRED")), HttpStatus.OK);
    assertThat(again).isEqualTo(retired);
    json(patchJson("/snacks/" + uid, admin(), Map.of()), HttpStatus.OK);
    assertThat(events(uid)).hasSize(3);
    assertThat(version(uid)).isEqualTo(version);

    // a retired snack can come back; that is an update, not a retirement
    json(patchJson("/snacks/" + uid, admin(), Map.of("status", "ACTIVE")), HttpStatus.OK);
    assertThat(events(uid))
        .containsExactly("snack.registered", "snack.updated", "snack.retired", "snack.updated");
  }

  @Test
  void membersMayNotEditAndAnonymousCallersAreNotAuthenticated() {
    String uid = register("권한 " + unique()).get("uid").stringValue();
    expectProblem(
        patchJson("/snacks/" + uid + "/", member(), Map.of("status", "RETIRED")),
        HttpStatus.FORBIDDEN,
        "You do not have permission to perform this action.");
    expectProblem(
        patchJson("/snacks/" + uid + "/", null, Map.of("status", "RETIRED")),
        HttpStatus.UNAUTHORIZED,
        "Authentication credentials were not provided.");
    assertThat(events(uid)).containsExactly("snack.registered");
  }

  @Test
  void invalidEditsAre400AndChangeNothing() {
    JsonNode snack = register("검사 " + unique());
    String uid = snack.get("uid").stringValue();
    String token = admin();
    expectFieldError(patchJson("/snacks/" + uid, token, Map.of("status", "SOLD_OUT")), "status");
    expectFieldError(patchJson("/snacks/" + uid, token, Map.of("price", -1)), "price");
    expectFieldError(patchJson("/snacks/" + uid, token, Map.of("price", "1.5")), "price");
    expectFieldError(patchJson("/snacks/" + uid, token, Map.of("currency", "BTC")), "currency");
    expectFieldError(patchJson("/snacks/" + uid, token, Map.of("url", "ftp://x.example")), "url");
    expectFieldError(patchJson("/snacks/" + uid, token, Map.of("name", " ")), "name");
    expectFieldError(patchJson("/snacks/" + uid, token, Map.of("name", List.of("a"))), "name");
    expectProblem(
        client
            .patch()
            .uri("/snacks/" + uid)
            .contentType(MediaType.APPLICATION_JSON)
            .headers(h -> h.setBearerAuth(token))
            .bodyValue("{\"status\":")
            .exchange(),
        HttpStatus.BAD_REQUEST,
        "Malformed JSON request body.");
    client
        .patch()
        .uri("/snacks/" + uid)
        .contentType(MediaType.TEXT_PLAIN)
        .headers(h -> h.setBearerAuth(token))
        .bodyValue("status=RETIRED")
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(json(get("/snacks/" + uid, member()), HttpStatus.OK)).isEqualTo(snack);
    assertThat(events(uid)).containsExactly("snack.registered");
  }

  @Test
  void aTakenNameIs400ButTheSnacksOwnNameInOtherCaseIsFine() {
    String taken = "Taken Name " + unique();
    register(taken);
    String own = "Own Name " + unique();
    String uid = register(own).get("uid").stringValue();
    expectProblem(
        patchJson("/snacks/" + uid, admin(), Map.of("name", taken.toLowerCase())),
        HttpStatus.BAD_REQUEST,
        "snack with this name already exists.");
    JsonNode renamed =
        json(
            patchJson("/snacks/" + uid, admin(), Map.of("name", own.toUpperCase())), HttpStatus.OK);
    assertThat(renamed.get("name").stringValue()).isEqualTo(own.toUpperCase());
  }

  @Test
  void anUnknownSnackIs404() {
    expectProblem(
        patchJson("/snacks/sn_0000000000/", admin(), Map.of("status", "RETIRED")),
        HttpStatus.NOT_FOUND,
        "Snack not found.");
  }

  @Test
  void anEditThatLostTheRaceToAnotherIs409() throws SQLException {
    String uid = register("경합 " + unique()).get("uid").stringValue();
    ServiceDatabase catalog = ServiceDatabase.CATALOG;
    try (Connection other =
        DriverManager.getConnection(
            SnackTestInfrastructure.get().jdbcUrl(), catalog.role(), catalog.password())) {
      other.setAutoCommit(false);
      // another edit, committed only after ours has read the snack and is waiting to write it
      try (PreparedStatement edit =
          other.prepareStatement(
              "UPDATE snack SET description = 'theirs', version = version + 1 WHERE uid = ?")) {
        edit.setString(1, uid);
        edit.executeUpdate();
      }
      CompletableFuture<Integer> ours =
          http()
              .patch()
              .uri("/snacks/" + uid)
              .contentType(MediaType.APPLICATION_JSON)
              .headers(h -> h.setBearerAuth(admin()))
              .bodyValue(Map.of("desc", "ours"))
              .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
              .toFuture();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  count(
                          "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                              + " AND query LIKE 'UPDATE snack SET name%'")
                      > 0);
      other.commit();
      assertThat(ours.join()).isEqualTo(409);
    }
    JsonNode snack = json(get("/snacks/" + uid, member()), HttpStatus.OK);
    assertThat(snack.get("desc").stringValue()).isEqualTo("theirs");
  }

  @Test
  void concurrentEditsNeverSilentlyOverwriteEachOther() {
    String uid = register("동시 편집 " + unique()).get("uid").stringValue();
    long before = version(uid);
    WebClient http = http();
    List<Integer> statuses =
        Flux.range(0, 10)
            .flatMap(
                i ->
                    http.patch()
                        .uri("/snacks/" + uid)
                        .contentType(MediaType.APPLICATION_JSON)
                        .headers(h -> h.setBearerAuth(admin()))
                        .bodyValue(Map.of("desc", "edit " + i))
                        .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
                        .onErrorResume(e -> Mono.just(-1)),
                10)
            .collectList()
            .block(Duration.ofMinutes(1));
    assertThat(statuses).containsOnly(200, 409);
    long successes = statuses.stream().filter(s -> s == 200).count();
    // every edit that reported success is one version step, and one event
    assertThat(version(uid) - before).isEqualTo(successes);
    assertThat(events(uid).stream().filter("snack.updated"::equals).count()).isEqualTo(successes);
  }
}
