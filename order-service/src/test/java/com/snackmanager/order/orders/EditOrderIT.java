package com.snackmanager.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.catalog.SnackUpdated;
import com.snackmanager.order.OrderServiceTest;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** {@code PUT /orders/{uid}/}: full replacement of the purchases while the order is CREATED. */
class EditOrderIT extends OrderServiceTest {

  @Test
  void theOwnerReplacesThePurchasesAndKeepsASnackAlreadyInTheOrder() {
    Caller owner = member();
    String kept = snack("Kept", "1000", "KRW");
    String dropped = snack("Dropped");
    String added = snack("Added", "2.50", "USD");
    JsonNode placed = place(owner, kept, 1, dropped, 1);
    String uid = placed.path("uid").asString();
    publishAndAwait(
        new SnackUpdated(
            kept,
            "Kept",
            null,
            null,
            null,
            "KRW",
            new BigDecimal("1100"),
            "ACTIVE",
            1,
            Instant.now()));

    JsonNode edited =
        json(put("/orders/" + uid + "/", owner, order(kept, 3, added, 2)), HttpStatus.OK);

    assertThat(edited.path("uid").asString()).isEqualTo(uid);
    assertThat(edited.path("status").asString()).isEqualTo("CREATED");
    assertThat(edited.path("created_at")).isEqualTo(placed.path("created_at"));
    assertThat(Instant.parse(edited.path("updated_at").asString()))
        .isAfterOrEqualTo(Instant.parse(placed.path("updated_at").asString()));
    assertThat(edited.path("purchase_set")).hasSize(2);
    // prices are copied again when the order is edited
    assertThat(edited.path("purchase_set").get(0).path("unit_price").decimalValue())
        .isEqualTo(new BigDecimal("1100"));
    assertThat(edited.path("totals").path("KRW").decimalValue()).isEqualTo(new BigDecimal("3300"));
    assertThat(edited.path("totals").path("USD").decimalValue()).isEqualTo(new BigDecimal("5.00"));
    assertThat(edited.path("total_quantity").asLong()).isEqualTo(5);
    assertThat(json(get("/orders/" + uid, owner), HttpStatus.OK)).isEqualTo(edited);

    // the dropped snack is free again, the added one is held
    place(member(), dropped, 1);
    problem(
        post("/orders/", member(), order(added, 1)),
        HttpStatus.BAD_REQUEST,
        "You cannot order when not delivered snack is in your order.");
  }

  @Test
  void anAdminMayEditAnyOrderAnotherMemberMayNot() {
    Caller owner = member();
    String snack = snack("Shared board");
    String other = snack("Admin's pick");
    String uid = place(owner, snack, 1).path("uid").asString();

    problem(
        put("/orders/" + uid, member(), order(snack, 5)),
        HttpStatus.FORBIDDEN,
        "Only the member who placed the order or an admin can edit it.");
    // refused before the body is even looked at
    problem(put("/orders/" + uid, member(), java.util.Map.of()), HttpStatus.FORBIDDEN, null);

    JsonNode edited = json(put("/orders/" + uid, admin(), order(other, 2)), HttpStatus.OK);
    assertThat(edited.path("user_id").asLong()).isEqualTo(owner.id());
    assertThat(edited.path("purchase_set").get(0).path("snack").path("uid").asString())
        .isEqualTo(other);
  }

  @Test
  void anOrderPastCreatedCannotBeEdited() {
    Caller owner = member();
    String snack = snack("Approved already");
    String uid = place(owner, snack, 1).path("uid").asString();
    move(admin(), uid, "APPROVED", null);
    problem(
        put("/orders/" + uid, owner, order(snack, 2)),
        HttpStatus.BAD_REQUEST,
        "An order can be edited only while it is CREATED; this one is APPROVED.");
  }

  @Test
  void aRefusedEditChangesNothing() {
    Caller owner = member();
    Caller other = member();
    String mine = snack("Mine");
    String theirs = snack("Theirs");
    String uid = place(owner, mine, 2).path("uid").asString();
    place(other, theirs, 1);
    JsonNode before = json(get("/orders/" + uid, owner), HttpStatus.OK);

    problem(
        put("/orders/" + uid, owner, order(theirs, 1)),
        HttpStatus.BAD_REQUEST,
        "You cannot order when not delivered snack is in your order.");
    problem(put("/orders/" + uid, owner, order(mine, 0)), HttpStatus.BAD_REQUEST, null);
    problem(put("/orders/" + uid, owner, order("sn_nope", 1)), HttpStatus.BAD_REQUEST, null);

    assertThat(json(get("/orders/" + uid, owner), HttpStatus.OK)).isEqualTo(before);
    // still held by this order
    assertThat(
            count(
                "SELECT count(*) FROM held_snack h JOIN orders o ON o.id = h.order_id"
                    + " WHERE h.snack_uid = :snack AND o.uid = :uid",
                "snack",
                mine,
                "uid",
                uid))
        .isOne();
    problem(put("/orders/" + uid, null, order(mine, 1)), HttpStatus.UNAUTHORIZED, null);
  }
}
