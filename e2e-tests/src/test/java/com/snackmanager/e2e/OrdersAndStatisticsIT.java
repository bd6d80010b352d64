package com.snackmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.e2e.Members.Member;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** SPEC "Orders" and "Statistics" through the gateway: the full status journey and its figures. */
class OrdersAndStatisticsIT {

  private final RunningSuite suite = RunningSuite.get();
  private final Api api = new Api(suite.gateway());
  private final Members members = new Members(api);
  private final Snacks snacks = new Snacks(api);

  private Api.Response order(Member member, String snackUid, int quantity) {
    return api.as(member.access())
        .post("/orders/", Map.of("snacks", List.of(Map.of("uid", snackUid, "quantity", quantity))));
  }

  private static String inDays(int days) {
    return Instant.now().plus(Duration.ofDays(days)).toString();
  }

  @Test
  void anOrderGoesThroughTheWholeStatusFlowAndTheStatisticsFollow() {
    Member admin = members.admin();
    Member member = members.signUp("orderer");
    String uid = snacks.register(member, "주문 과자 " + UUID.randomUUID(), 2960).path("uid").asString();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
    String monthPath = "/statistics/orders/" + today.getYear() + "/" + today.getMonthValue() + "/";
    long before = api.as(member.access()).get(monthPath).json().path("order_count").asLong();

    // hated from the start (1 hate, 0 likes); creating an order does not check reactions
    snacks.react(members.signUp("hater"), uid, "HATE");
    await()
        .atMost(Duration.ofSeconds(1))
        .until(
            () ->
                api.as(member.access())
                        .get("/snacks/" + uid)
                        .json()
                        .path("hate_reaction_count")
                        .asLong()
                    == 1);

    // the order-service learns the snack from the catalog event, a moment after the 201
    // (an unknown snack is a 400 that stores nothing, so retrying is safe)
    AtomicReference<Api.Response> first = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(2))
        .until(
            () -> {
              first.set(order(member, uid, 3));
              return first.get().status() == 201;
            });
    String orderUid = first.get().json().path("uid").asString();
    JsonNode placed = api.as(member.access()).get("/orders/?uid=" + orderUid).json().get(0);
    assertThat(placed.path("status").asString()).isEqualTo("CREATED");
    assertThat(placed.path("total_quantity").asLong()).isEqualTo(3);
    assertThat(placed.path("user_email").asString()).isEqualTo(member.email());

    Api.Response held = order(members.signUp("latecomer"), uid, 1);
    assertThat(held.status()).isEqualTo(400);
    assertThat(held.detail())
        .isEqualTo("You cannot order when not delivered snack is in your order.");

    await()
        .atMost(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(
                        api.as(member.access()).get(monthPath).json().path("order_count").asLong())
                    .isEqualTo(before + 1));

    Api asAdmin = api.as(admin.access());
    String status = "/orders/" + orderUid + "/status/";
    // the hate reached the order-service long ago (snack list, order, statistics since): refused
    Api.Response refused = asAdmin.patch(status, Map.of("status", "APPROVED"));
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
    snacks.react(members.signUp("fan"), uid, "LIKE");
    snacks.react(members.signUp("fan"), uid, "LIKE");
    // liked twice: no longer hated once the order-service has the two events
    await()
        .atMost(Duration.ofSeconds(1))
        .until(() -> asAdmin.patch(status, Map.of("status", "APPROVED")).status() == 200);

    assertThat(
            api.as(member.access())
                .patch(status, Map.of("status", "ORDERED", "estimated_arrival_time", inDays(2)))
                .status())
        .isEqualTo(403);
    assertThat(asAdmin.patch(status, Map.of("status", "ORDERED")).status()).isEqualTo(400);
    assertThat(asAdmin.patch(status, Map.of("status", "COMPLETED")).status()).isEqualTo(400);
    assertThat(
            asAdmin
                .patch(status, Map.of("status", "ORDERED", "estimated_arrival_time", inDays(2)))
                .status())
        .isEqualTo(200);
    assertThat(
            asAdmin
                .put(status, Map.of("status", "SHIPPING", "estimated_arrival_time", inDays(1)))
                .status())
        .isEqualTo(200);
    assertThat(asAdmin.patch(status, Map.of("status", "CANCELLED")).status()).isEqualTo(400);
    assertThat(asAdmin.patch(status, Map.of("status", "COMPLETED")).status()).isEqualTo(200);

    JsonNode history = api.as(member.access()).get("/orders/" + orderUid + "/history/").json();
    assertThat(history.valueStream().map(h -> h.path("to_status").asString()).toList())
        .containsSubsequence("APPROVED", "ORDERED", "SHIPPING", "COMPLETED");

    // delivered: the snack can be ordered again, and the new order can be cancelled while CREATED
    Api.Response again = order(member, uid, 1);
    assertThat(again.status()).isEqualTo(201);
    assertThat(
            asAdmin
                .patch(
                    "/orders/" + again.json().path("uid").asString() + "/status/",
                    Map.of("status", "CANCELLED"))
                .status())
        .isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              JsonNode month = api.as(member.access()).get(monthPath).json();
              assertThat(month.path("order_count").asLong()).isEqualTo(before + 2);
              assertThat(month.path("by_status").path("COMPLETED").asLong()).isPositive();
              assertThat(month.path("by_status").path("CANCELLED").asLong()).isPositive();
            });
  }

  @Test
  void ordersAreABoardEveryMemberSees() {
    Member member = members.signUp("board-reader");
    Api.Response list = api.as(member.access()).get("/orders");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().isArray()).isTrue();
    assertThat(list.header("X-Total-Count")).isNotNull();
    assertThat(api.as(member.access()).get("/orders/?ordering=price").status()).isEqualTo(400);
    assertThat(api.as(member.access()).get("/orders/no-such-order/").status()).isEqualTo(404);
    assertThat(api.as(member.access()).post("/orders/", Map.of("snacks", List.of())).status())
        .isEqualTo(400);
    assertThat(api.get("/orders/").status()).isEqualTo(401);
  }
}
