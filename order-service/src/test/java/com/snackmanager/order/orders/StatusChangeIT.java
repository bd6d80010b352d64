package com.snackmanager.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.order.OrderServiceTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** {@code PATCH}/{@code PUT /orders/{uid}/status/} and {@code GET /orders/{uid}/history/}. */
class StatusChangeIT extends OrderServiceTest {

  private static List<String> transitions(JsonNode history) {
    List<String> moves = new ArrayList<>();
    history.forEach(
        entry ->
            moves.add(
                (entry.path("from_status").isNull() ? "null" : entry.path("from_status").asString())
                    + ">"
                    + entry.path("to_status").asString()));
    return moves;
  }

  @Test
  void anOrderTravelsTheWholeFlowAndReleasesItsSnackWhenCompleted() {
    Caller owner = member();
    Caller admin = admin();
    String snack = snack("Travelling");
    String uid = place(owner, snack, 2).path("uid").asString();

    JsonNode approved = move(admin, uid, "APPROVED", null);
    assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
    assertThat(approved.path("purchase_set")).hasSize(1);

    String path = "/orders/" + uid + "/status/";
    problem(
        patch(path, admin, Map.of("status", "ORDERED")),
        HttpStatus.BAD_REQUEST,
        "estimated_arrival_time is required when moving to ORDERED.");
    problem(
        patch(
            path,
            admin,
            Map.of("status", "ORDERED", "estimated_arrival_time", "2001-01-01T00:00:00Z")),
        HttpStatus.BAD_REQUEST,
        "estimated_arrival_time must not be in the past.");
    Instant arrival = inDays(3);
    JsonNode ordered = move(admin, uid, "ORDERED", arrival);
    assertThat(Instant.parse(ordered.path("estimated_arrival_time").asString())).isEqualTo(arrival);

    // shipping revises the arrival time (PUT works like PATCH)
    Instant revised = inDays(5);
    JsonNode shipping =
        json(
            put(
                path,
                admin,
                Map.of("status", "SHIPPING", "estimated_arrival_time", revised.toString())),
            HttpStatus.OK);
    assertThat(Instant.parse(shipping.path("estimated_arrival_time").asString()))
        .isEqualTo(revised);

    // while shipping, the snack is still held
    problem(
        post("/orders/", member(), order(snack, 1)),
        HttpStatus.BAD_REQUEST,
        "You cannot order when not delivered snack is in your order.");

    problem(
        patch(
            path,
            admin,
            Map.of("status", "COMPLETED", "estimated_arrival_time", inDays(1).toString())),
        HttpStatus.BAD_REQUEST,
        "estimated_arrival_time is accepted only when moving to ORDERED or SHIPPING, not to COMPLETED.");
    JsonNode completed = move(admin, uid, "COMPLETED", null);
    assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(Instant.parse(completed.path("estimated_arrival_time").asString()))
        .isEqualTo(revised);

    // delivered: the snack can be ordered again
    place(member(), snack, 1);

    problem(
        patch(path, admin, Map.of("status", "CANCELLED")),
        HttpStatus.BAD_REQUEST,
        "Cannot change status from COMPLETED to CANCELLED.");

    JsonNode history = json(get("/orders/" + uid + "/history/", owner), HttpStatus.OK);
    assertThat(transitions(history))
        .containsExactly(
            "null>CREATED",
            "CREATED>APPROVED",
            "APPROVED>ORDERED",
            "ORDERED>SHIPPING",
            "SHIPPING>COMPLETED");
    assertThat(history.get(0).path("changed_by").asLong()).isEqualTo(owner.id());
    assertThat(history.get(1).path("changed_by").asLong()).isEqualTo(admin.id());
    assertThat(history.get(0).propertyNames())
        .containsExactly(
            "from_status", "to_status", "changed_by", "changed_at", "estimated_arrival_time");
    assertThat(history.get(1).path("estimated_arrival_time").isNull()).isTrue();
    assertThat(Instant.parse(history.get(2).path("estimated_arrival_time").asString()))
        .isEqualTo(arrival);
    assertThat(Instant.parse(history.get(3).path("estimated_arrival_time").asString()))
        .isEqualTo(revised);
    assertThat(history.get(4).path("estimated_arrival_time").isNull()).isTrue();
  }

  @Test
  void approvingIsRefusedWhileASnackIsHatedAndAllowedOnceReactionsChange() {
    Caller owner = member();
    Caller admin = admin();
    String liked = snack("Liked");
    String disputed = snack("Disputed");
    String uid = place(owner, liked, 1, disputed, 1).path("uid").asString();
    // creating an order does not look at reactions, so a hated snack can be ordered
    react(disputed, 101, null, "HATE");
    react(disputed, 102, null, "HATE");
    react(disputed, 103, null, "LIKE");
    react(liked, 104, null, "LIKE");

    String path = "/orders/" + uid + "/status/";
    problem(
        patch(path, admin, Map.of("status", "APPROVED")),
        HttpStatus.BAD_REQUEST,
        "Cannot change status to APPROVED while a snack in the order is hated: Disputed ("
            + disputed
            + ").");

    // one hater changes their mind: 2 likes, 1 hate
    react(disputed, 101, "HATE", "LIKE");
    move(admin, uid, "APPROVED", null);

    // hated again before ordering: 2 likes, 3 hates
    react(disputed, 105, null, "HATE");
    react(disputed, 106, null, "HATE");
    problem(
        patch(
            path,
            admin,
            Map.of("status", "ORDERED", "estimated_arrival_time", inDays(2).toString())),
        HttpStatus.BAD_REQUEST,
        "Cannot change status to ORDERED while a snack in the order is hated: Disputed ("
            + disputed
            + ").");
    // a tie is not hated
    react(disputed, 105, "HATE", null);
    move(admin, uid, "ORDERED", inDays(2));
  }

  @Test
  void cancellingIsPossibleFromCreatedAndApprovedOnly() {
    Caller owner = member();
    Caller admin = admin();
    String fromCreated = snack("Cancelled early");
    String fromApproved = snack("Cancelled late");
    String fromOrdered = snack("Too late to cancel");

    String first = place(owner, fromCreated, 1).path("uid").asString();
    assertThat(move(admin, first, "CANCELLED", null).path("status").asString())
        .isEqualTo("CANCELLED");
    place(member(), fromCreated, 1);

    String second = place(owner, fromApproved, 1).path("uid").asString();
    move(admin, second, "APPROVED", null);
    move(admin, second, "CANCELLED", null);
    place(member(), fromApproved, 1);
    problem(
        patch("/orders/" + second + "/status", admin, Map.of("status", "APPROVED")),
        HttpStatus.BAD_REQUEST,
        "Cannot change status from CANCELLED to APPROVED.");

    String third = place(owner, fromOrdered, 1).path("uid").asString();
    move(admin, third, "APPROVED", null);
    move(admin, third, "ORDERED", inDays(1));
    problem(
        patch("/orders/" + third + "/status", admin, Map.of("status", "CANCELLED")),
        HttpStatus.BAD_REQUEST,
        "Cannot change status from ORDERED to CANCELLED.");
  }

  @Test
  void nothingSkipsGoesBackOrStays() {
    Caller admin = admin();
    String uid = place(member(), snack("Strict"), 1).path("uid").asString();
    String path = "/orders/" + uid + "/status";
    problem(
        patch(
            path,
            admin,
            Map.of("status", "SHIPPING", "estimated_arrival_time", inDays(1).toString())),
        HttpStatus.BAD_REQUEST,
        "Cannot change status from CREATED to SHIPPING.");
    problem(
        patch(path, admin, Map.of("status", "CREATED")),
        HttpStatus.BAD_REQUEST,
        "Cannot change status from CREATED to CREATED.");
    move(admin, uid, "APPROVED", null);
    problem(
        patch(path, admin, Map.of("status", "CREATED")),
        HttpStatus.BAD_REQUEST,
        "Cannot change status from APPROVED to CREATED.");
    assertThat(transitions(json(get("/orders/" + uid + "/history", admin), HttpStatus.OK)))
        .containsExactly("null>CREATED", "CREATED>APPROVED");
  }

  @Test
  void badRequestsAreA400() {
    Caller admin = admin();
    String uid = place(member(), snack("Badly moved"), 1).path("uid").asString();
    String path = "/orders/" + uid + "/status/";
    JsonNode missing =
        problem(
            patch(path, admin, Map.of()),
            HttpStatus.BAD_REQUEST,
            "status: This field is required.");
    assertThat(missing.path("errors").has("status")).isTrue();
    problem(
        patch(path, admin, Map.of("status", "DELIVERED")),
        HttpStatus.BAD_REQUEST,
        "status: \"DELIVERED\" is not a valid status; choose one of CREATED, APPROVED, ORDERED,"
            + " SHIPPING, COMPLETED, CANCELLED.");
    problem(
        patch(path, admin, Map.of("status", "ORDERED", "estimated_arrival_time", "next tuesday")),
        HttpStatus.BAD_REQUEST,
        "estimated_arrival_time: Must be an ISO-8601 date-time with an offset, such as"
            + " 2024-04-03T09:00:00+09:00.");
    JsonNode wrongType =
        problem(patch(path, admin, Map.of("status", 3)), HttpStatus.BAD_REQUEST, null);
    assertThat(wrongType.path("errors").has("status")).isTrue();
    problem(
        client
            .patch()
            .uri(path)
            .headers(h -> h.setBearerAuth(admin.token()))
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .bodyValue("{\"status\":")
            .exchange(),
        HttpStatus.BAD_REQUEST,
        "Malformed JSON request body.");
    assertThat(transitions(json(get("/orders/" + uid + "/history", admin), HttpStatus.OK)))
        .containsExactly("null>CREATED");
  }

  @Test
  void onlyAdminsChangeStatus() {
    Caller owner = member();
    String uid = place(owner, snack("Owner cannot approve"), 1).path("uid").asString();
    String path = "/orders/" + uid + "/status/";
    problem(
        patch(path, owner, Map.of("status", "APPROVED")),
        HttpStatus.FORBIDDEN,
        "You do not have permission to perform this action.");
    problem(put(path, owner, Map.of("status", "APPROVED")), HttpStatus.FORBIDDEN, null);
    problem(patch(path, null, Map.of("status", "APPROVED")), HttpStatus.UNAUTHORIZED, null);
    assertThat(json(get("/orders/" + uid, owner), HttpStatus.OK).path("status").asString())
        .isEqualTo("CREATED");
  }
}
