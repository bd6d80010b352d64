package com.snackmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.e2e.Members.Member;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The old Vue frontend's expectations of the API, for every list it reads: paths with or without
 * the trailing slash, bare JSON arrays (paging in headers), snake_case field names with SPEC's
 * fields, and a {@code detail} in every error.
 */
class FrontendContractIT {

  private static final String SNAKE_CASE = "[a-z][a-z0-9]*(_[a-z0-9]+)*";

  private final RunningSuite suite = RunningSuite.get();
  private final Api api = new Api(suite.gateway());
  private final Members members = new Members(api);
  private final Snacks snacks = new Snacks(api);

  @Test
  void everyListIsABareSnakeCaseArrayWithOrWithoutTheSlash() {
    Member admin = members.admin();
    Member member = members.signUp("vue");
    String uid = snacks.register(member, "계약 과자 " + UUID.randomUUID(), 1800).path("uid").asString();
    snacks.react(member, uid, "LIKE");
    await()
        .atMost(Duration.ofSeconds(2))
        .until(
            () ->
                api.as(member.access())
                        .post(
                            "/orders/",
                            Map.of("snacks", List.of(Map.of("uid", uid, "quantity", 1))))
                        .status()
                    == 201);

    Map<String, List<String>> lists =
        Map.of(
            "/snacks",
            List.of(
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
                "updated_at"),
            "/orders",
            List.of(
                "uid",
                "status",
                "user_id",
                "user_email",
                "created_at",
                "updated_at",
                "estimated_arrival_time",
                "year",
                "month",
                "day",
                "total_quantity",
                "totals"),
            "/auth/users",
            List.of("id", "email", "name", "member_type"),
            "/statistics/reactions",
            List.of(
                "snack_uid", "name", "like_reaction_count", "hate_reaction_count", "like_ratio"),
            "/statistics/orders/list",
            List.of("uid", "status", "created_at", "totals"),
            "/statistics/snacks",
            List.of("snack_uid", "name", "quantity", "order_count", "totals"));
    lists.forEach(
        (path, fields) -> {
          for (String variant : List.of(path, path + "/")) {
            Api.Response response =
                await()
                    .atMost(Duration.ofSeconds(2))
                    .until(
                        () -> api.as(admin.access()).get(variant),
                        r -> r.status() == 200 && !r.json().isEmpty());
            assertThat(response.json().isArray()).as(variant).isTrue();
            assertThat(response.header("X-Total-Count")).as(variant).isNotBlank();
            JsonNode first = response.json().get(0);
            assertThat(first.propertyNames()).as(variant).containsAll(fields);
            assertThat(fieldNames(first)).as(variant).allMatch(name -> name.matches(SNAKE_CASE));
          }
        });
  }

  @Test
  void everyKindOfErrorHasADetail() {
    Member member = members.signUp("oops");
    Api as = api.as(member.access());
    List<Api.Response> errors =
        List.of(
            api.get("/snacks/"), // 401 no token
            as.get("/snacks/no-such-snack/"), // 404
            as.get("/auth/users/"), // 403 not an admin
            as.post("/orders/", Map.of("snacks", List.of())), // 400 empty order
            as.send("POST", "/snacks/", "{not json", Map.of()), // 400 malformed JSON
            as.post("/snacks/no-such-snack/reaction/", Map.of("type", "LOVE")), // 400/404
            as.get("/snacks/?ordering=nonsense"), // 400 unknown ordering
            as.get("/statistics/orders/?period=fortnight")); // 400
    for (Api.Response error : errors) {
      assertThat(error.status()).as(error.raw().uri().toString()).isBetween(400, 499);
      assertThat(error.contentType()).as(error.raw().uri().toString()).contains("json");
      assertThat(error.detail()).as(error.raw().uri().toString()).isNotBlank();
    }
  }

  /**
   * Every field name in the document, nested objects' too (but not map keys such as currencies).
   */
  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      names.add(field.getKey());
      if (field.getValue().isObject()
          && !field.getKey().equals("totals")
          && !field.getKey().equals("by_status")) {
        names.addAll(fieldNames(field.getValue()));
      }
    }
    return names;
  }
}
