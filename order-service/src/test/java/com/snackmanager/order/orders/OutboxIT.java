package com.snackmanager.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.orders.OrderLine;
import com.snackmanager.events.orders.OrderPlaced;
import com.snackmanager.events.orders.OrderRevised;
import com.snackmanager.events.orders.OrderStatusChanged;
import com.snackmanager.order.OrderServiceTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Every change leaves its event in the outbox, written in the change's transaction, with what the
 * statistics-service needs; the relay publishes it on {@code snack.orders.v1}.
 */
class OutboxIT extends OrderServiceTest {

  private List<EventEnvelope> events(String orderUid) {
    return db.sql("SELECT topic, payload FROM outbox WHERE aggregate_id = :uid ORDER BY id")
        .bind("uid", orderUid)
        .map(
            row -> {
              assertThat(row.get("topic", String.class)).isEqualTo(Topics.ORDERS);
              return codec.decode(row.get("payload", String.class));
            })
        .all()
        .collectList()
        .block();
  }

  @Test
  void placingRevisingAndMovingAnOrderWriteOneEventEach() {
    Caller owner = member();
    Caller admin = admin();
    String ramen = snack("Outbox ramen", "5980", "KRW");
    String chips = snack("Outbox chips", "3.49", "USD");
    String uid = place(owner, ramen, 2, chips, 1).path("uid").asString();

    List<EventEnvelope> afterPlacing = events(uid);
    assertThat(afterPlacing).extracting(EventEnvelope::eventType).containsExactly(OrderPlaced.TYPE);
    OrderPlaced placed = codec.payload(afterPlacing.get(0), OrderPlaced.class);
    assertThat(placed.orderUid()).isEqualTo(uid);
    assertThat(placed.ownerId()).isEqualTo(owner.id());
    assertThat(placed.ownerEmail()).isEqualTo(owner.email());
    assertThat(placed.status()).isEqualTo("CREATED");
    assertThat(placed.lines())
        .containsExactly(
            new OrderLine(ramen, "Outbox ramen", 2, new BigDecimal("5980"), "KRW"),
            new OrderLine(chips, "Outbox chips", 1, new BigDecimal("3.49"), "USD"));
    assertThat(placed.createdAt()).isNotNull();

    put("/orders/" + uid, owner, order(chips, 4)).expectStatus().isOk();
    move(admin, uid, "APPROVED", null);
    Instant arrival = inDays(2);
    move(admin, uid, "ORDERED", arrival);
    // refused changes write nothing
    patch("/orders/" + uid + "/status", admin, Map.of("status", "CANCELLED"))
        .expectStatus()
        .isBadRequest();

    List<EventEnvelope> all = events(uid);
    assertThat(all)
        .extracting(EventEnvelope::eventType)
        .containsExactly(
            OrderPlaced.TYPE, OrderRevised.TYPE, OrderStatusChanged.TYPE, OrderStatusChanged.TYPE);
    OrderRevised revised = codec.payload(all.get(1), OrderRevised.class);
    assertThat(revised.revisedBy()).isEqualTo(owner.id());
    assertThat(revised.lines())
        .containsExactly(new OrderLine(chips, "Outbox chips", 4, new BigDecimal("3.49"), "USD"));
    assertThat(revised.createdAt()).isEqualTo(placed.createdAt());
    assertThat(revised.revisedAt()).isAfterOrEqualTo(placed.createdAt());

    OrderStatusChanged approved = codec.payload(all.get(2), OrderStatusChanged.class);
    assertThat(approved.from()).isEqualTo("CREATED");
    assertThat(approved.to()).isEqualTo("APPROVED");
    assertThat(approved.changedBy()).isEqualTo(admin.id());
    assertThat(approved.estimatedArrivalTime()).isNull();
    assertThat(approved.createdAt()).isEqualTo(placed.createdAt());
    OrderStatusChanged ordered = codec.payload(all.get(3), OrderStatusChanged.class);
    assertThat(ordered.from()).isEqualTo("APPROVED");
    assertThat(ordered.to()).isEqualTo("ORDERED");
    assertThat(ordered.estimatedArrivalTime()).isEqualTo(arrival);
    assertThat(ordered.changedAt()).isAfterOrEqualTo(approved.changedAt());
  }

  @Test
  void theRelayPublishesTheEventsKeyedByOrder() {
    Caller owner = member();
    String uid = place(owner, snack("Published"), 3).path("uid").asString();
    ConsumerRecord<String, String> record = awaitRecord(Topics.ORDERS, r -> uid.equals(r.key()));
    EventEnvelope envelope = codec.decode(record.value());
    assertThat(envelope.eventType()).isEqualTo(OrderPlaced.TYPE);
    assertThat(envelope.aggregateId()).isEqualTo(uid);
    assertThat(codec.payload(envelope, OrderPlaced.class).lines()).hasSize(1);
  }

  @Test
  void aRefusedOrderWritesNoEvent() {
    Caller member = member();
    long before = count("SELECT count(*) FROM outbox");
    problem(
        post("/orders/", member, order("sn_missing", 1)),
        org.springframework.http.HttpStatus.BAD_REQUEST,
        "snacks[0].uid: No such snack.");
    assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(before);
  }

  /**
   * The order, its lines, history, held snacks and event are written by one statement before the
   * held-snack rule is known to fail: the rollback takes all of it back, the free snack included.
   * (Its outbox row goes with them, as it is written by the same statement; the outbox itself is no
   * witness here, as the relay deletes the rows it publishes.)
   */
  @Test
  void anOrderRefusedForAHeldSnackLeavesNothingBehind() {
    Caller ada = member();
    Caller bob = member();
    String held = snack("Outbox held", "1500", "KRW");
    String free = snack("Outbox free", "900", "KRW");
    place(ada, held, 1);

    problem(
        post("/orders/", bob, order(free, 1, held, 1)),
        org.springframework.http.HttpStatus.BAD_REQUEST,
        "You cannot order when not delivered snack is in your order.");

    assertThat(ordersOf(bob)).isZero();
    assertThat(
            count(
                "SELECT count(*) FROM order_status_change WHERE changed_by = :id", "id", bob.id()))
        .isZero();
    assertThat(count("SELECT count(*) FROM order_line WHERE snack_uid = :uid", "uid", free))
        .isZero();
    assertThat(count("SELECT count(*) FROM held_snack WHERE snack_uid = :uid", "uid", free))
        .isZero();
  }
}
