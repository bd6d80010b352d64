package com.snackmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.e2e.Members.Member;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Registers snacks and reacts to them through the gateway. */
final class Snacks {

  private final Api api;

  Snacks(Api api) {
    this.api = api;
  }

  /** A KRW snack registered by JSON (no picture); the 201's body. */
  JsonNode register(Member member, String name, long price) {
    Api.Response created =
        api.as(member.access())
            .post(
                "/snacks/",
                Map.of(
                    "name",
                    name,
                    "url",
                    "https://example.com/" + UUID.randomUUID(),
                    "desc",
                    "e2e",
                    "currency",
                    "KRW",
                    "price",
                    price));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return created.json();
  }

  /**
   * Sets the member's reaction; retried briefly, because the reaction-service learns of a new snack
   * from its event, a moment after the 201 (longer for the first event after a cold start).
   */
  void react(Member member, String uid, String type) {
    Api reacting = api.as(member.access());
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                reacting.post("/snacks/" + uid + "/reaction/", Map.of("type", type)).status()
                    == 200);
  }

  /**
   * Places an order of {@code member} holding one of {@code snackUid}; retried until the
   * order-service knows the snack (from its event) and answers 201. The order's uid.
   */
  String order(Member member, String snackUid) {
    List<Api.Response> placed = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Api.Response response =
                  api.as(member.access())
                      .post(
                          "/orders/",
                          Map.of("snacks", List.of(Map.of("uid", snackUid, "quantity", 1))));
              placed.add(response);
              return response.status() == 201;
            });
    return placed.get(placed.size() - 1).json().path("uid").asString();
  }
}
