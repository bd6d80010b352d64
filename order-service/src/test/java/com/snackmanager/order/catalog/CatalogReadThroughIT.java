package com.snackmanager.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.catalog.SnackRegistered;
import com.snackmanager.events.catalog.SnackUpdated;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.order.OrderServiceTest;
import com.snackmanager.testsupport.SnackServiceStub;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Read-your-writes: a snack registered a moment ago, whose catalog event has not reached this
 * service yet, can be ordered at once; the order-service asks the snack-service (here a stub on
 * loopback) and keeps the answer in its projection.
 */
class CatalogReadThroughIT extends OrderServiceTest {

  private static final String UNAVAILABLE =
      "The snack-service is temporarily unavailable, so the snacks could not be checked;"
          + " try again shortly.";

  private final SnackServiceStub snackService = SnackServiceStub.get();

  @Autowired CatalogListener catalogListener;

  private static String newUid() {
    return "sn_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** A snack only the snack-service knows, changed last at {@code updatedAt}. */
  private String onlyInSnackService(
      String name, String price, String currency, String status, Instant updatedAt) {
    String uid = newUid();
    snackService.put(
        new SnackServiceStub.Snack(
            uid,
            name,
            "/snacks/" + uid + "/image",
            currency,
            new BigDecimal(price),
            status,
            updatedAt));
    return uid;
  }

  private String onlyInSnackService(String name, String price, String currency) {
    return onlyInSnackService(
        name, price, currency, "ACTIVE", Instant.now().truncatedTo(ChronoUnit.MICROS));
  }

  private Map<String, Object> projected(String uid) {
    return db.sql(
            "SELECT name, image_url, price, currency, status, changed_at FROM catalog_snack"
                + " WHERE uid = :uid")
        .bind("uid", uid)
        .fetch()
        .one()
        .block();
  }

  @Test
  void aSnackTheProjectionHasNotHeardOfIsAskedForAndKept() {
    Caller ada = member();
    String fresh = onlyInSnackService("Just registered", "3.49", "USD");
    assertThat(projected(fresh)).isNull();

    JsonNode order = place(ada, fresh, 2);

    JsonNode line = order.path("purchase_set").get(0);
    assertThat(line.path("unit_price").decimalValue()).isEqualTo(new BigDecimal("3.49"));
    assertThat(line.path("currency").asString()).isEqualTo("USD");
    assertThat(line.path("snack").path("name").asString()).isEqualTo("Just registered");
    assertThat(line.path("snack").path("image").asString())
        .isEqualTo("/snacks/" + fresh + "/image");
    assertThat(projected(fresh))
        .containsEntry("name", "Just registered")
        .containsEntry("image_url", "/snacks/" + fresh + "/image")
        .containsEntry("price", new BigDecimal("3.49"))
        .containsEntry("currency", "USD")
        .containsEntry("status", "ACTIVE");
    // asked once, with the caller's own token
    assertThat(snackService.requestsFor(fresh))
        .singleElement()
        .extracting(SnackServiceStub.Request::authorization)
        .isEqualTo("Bearer " + ada.token());

    // known now: the next order does not ask again
    Caller bob = member();
    String other = snack("Known already");
    place(bob, other, 1);
    assertThat(snackService.requestsFor(fresh)).hasSize(1);
  }

  @Test
  void theCatalogEventsThatFollowStillApply() {
    Caller ada = member();
    Instant registeredAt = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MICROS);
    String fresh = onlyInSnackService("Learned early", "1000", "KRW", "ACTIVE", registeredAt);
    place(ada, fresh, 1);

    // the registration event arrives late: same state, nothing lost
    publishAndAwait(
        new SnackRegistered(
            fresh,
            "Learned early",
            null,
            null,
            "/snacks/" + fresh + "/image",
            "KRW",
            new BigDecimal("1000"),
            "ACTIVE",
            1,
            registeredAt));
    // a later edit replaces what was learned
    publishAndAwait(
        new SnackUpdated(
            fresh,
            "Learned early",
            null,
            null,
            "/snacks/" + fresh + "/image",
            "KRW",
            new BigDecimal("1200"),
            "ACTIVE",
            1,
            Instant.now()));
    assertThat(projected(fresh)).containsEntry("price", new BigDecimal("1200"));
  }

  @Test
  void anAnswerOlderThanACatalogEventAppliedMeanwhileChangesNothing() {
    Caller ada = member();
    String uid =
        onlyInSnackService("Racing", "500", "KRW", "ACTIVE", Instant.now().minusSeconds(60));
    // while the snack-service is being asked, the consumer applies the event of a later edit
    snackService.beforeAnswering(
        uid,
        () ->
            catalogListener.onMessage(
                codec.encode(
                    codec.wrap(
                        new SnackUpdated(
                            uid,
                            "Racing, renamed",
                            null,
                            null,
                            null,
                            "KRW",
                            new BigDecimal("700"),
                            "ACTIVE",
                            1,
                            Instant.now())))));

    JsonNode line = place(ada, uid, 1).path("purchase_set").get(0);

    assertThat(line.path("unit_price").decimalValue()).isEqualTo(new BigDecimal("700"));
    assertThat(line.path("snack").path("name").asString()).isEqualTo("Racing, renamed");
    assertThat(projected(uid))
        .containsEntry("name", "Racing, renamed")
        .containsEntry("price", new BigDecimal("700"));
  }

  @Test
  void aLateReplayOfAnOlderEventCannotUndoWhatWasLearned() {
    Caller ada = member();
    Instant editedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String uid = onlyInSnackService("Repriced", "900", "KRW", "ACTIVE", editedAt);
    place(ada, uid, 1);

    // the registration, from before the edit the snack-service answered with, arrives now
    EventEnvelope registered =
        codec.wrap(
            new SnackRegistered(
                uid,
                "Repriced",
                null,
                null,
                null,
                "KRW",
                new BigDecimal("800"),
                "ACTIVE",
                1,
                editedAt.minusSeconds(30)));
    publishAndAwait(
        Topics.CATALOG,
        new EventEnvelope(
            registered.eventId(),
            registered.eventType(),
            registered.eventVersion(),
            editedAt.minusSeconds(30),
            registered.aggregateId(),
            registered.payload()));

    assertThat(projected(uid)).containsEntry("price", new BigDecimal("900"));
  }

  @Test
  void aRetiredSnackLearnedThisWayCannotBeOrdered() {
    Caller ada = member();
    String retired =
        onlyInSnackService(
            "Gone", "900", "KRW", "RETIRED", Instant.now().truncatedTo(ChronoUnit.MICROS));

    problem(
        post("/orders/", ada, order(retired, 1)),
        HttpStatus.BAD_REQUEST,
        "snacks[0].uid: This snack is retired and cannot be ordered.");

    // the refused order keeps nothing, not even what it learned: the next attempt asks again
    assertThat(ordersOf(ada)).isZero();
    assertThat(projected(retired)).isNull();
  }

  @Test
  void aSnackNeitherKnowsIsA400() {
    Caller ada = member();
    String nobody = newUid();

    JsonNode problem =
        problem(
            post("/orders/", ada, order(nobody, 1)),
            HttpStatus.BAD_REQUEST,
            "snacks[0].uid: No such snack.");

    assertThat(problem.path("errors").path("snacks[0].uid").get(0).asString())
        .isEqualTo("No such snack.");
    assertThat(projected(nobody)).isNull();
    assertThat(ordersOf(ada)).isZero();
    assertThat(snackService.requestsFor(nobody)).hasSize(1);
    // a uid that could not be served at /snacks/{uid} is not asked for at all
    int asked = snackService.requests().size();
    problem(
        post("/orders/", ada, order("../auth/users", 1)),
        HttpStatus.BAD_REQUEST,
        "snacks[0].uid: No such snack.");
    assertThat(snackService.requests()).hasSize(asked);
  }

  @Test
  void aSnackServiceThatDoesNotAnswerInTimeIsA503() {
    Caller ada = member();
    String known = snack("Known");
    long started = System.nanoTime();

    problem(
        post("/orders/", ada, order(known, 1, SnackServiceStub.SLOW + newUid(), 1)),
        HttpStatus.SERVICE_UNAVAILABLE,
        UNAVAILABLE);

    // the test's timeout (OrderServiceTest), well before the stub would have answered
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(5500));
    assertThat(ordersOf(ada)).isZero();
    // nothing held: the known snack can still be ordered
    place(ada, known, 1);
  }

  @Test
  void aSnackServiceThatFailsIsA503() {
    Caller ada = member();
    problem(
        post("/orders/", ada, order(SnackServiceStub.BROKEN + newUid(), 1)),
        HttpStatus.SERVICE_UNAVAILABLE,
        UNAVAILABLE);
    assertThat(ordersOf(ada)).isZero();
  }

  @Test
  void aSnackServiceThatIsDownIsA503() {
    Caller ada = member();
    String fresh = onlyInSnackService("Waiting", "100", "KRW");
    snackService.stop();
    try {
      problem(post("/orders/", ada, order(fresh, 1)), HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
      assertThat(ordersOf(ada)).isZero();
    } finally {
      snackService.start();
    }
    // back: the same request succeeds
    place(ada, fresh, 1);
  }

  @Test
  void aLearnedSnackFollowsTheWholeOrderFlow() {
    Caller ada = member();
    Caller bob = member();
    Caller admin = admin();
    String fresh = onlyInSnackService("Flowing", "2500", "KRW");

    String uid = place(ada, fresh, 1).path("uid").asString();
    // held while the order is not delivered
    problem(
        post("/orders/", bob, order(fresh, 1)),
        HttpStatus.BAD_REQUEST,
        "You cannot order when not delivered snack is in your order.");
    // hated snacks cannot be approved: the reaction projection applies to it as to any snack
    react(fresh, bob.id(), null, "HATE");
    problem(
        patch("/orders/" + uid + "/status/", admin, Map.of("status", "APPROVED")),
        HttpStatus.BAD_REQUEST,
        null);
    react(fresh, bob.id(), "HATE", "LIKE");
    move(admin, uid, "APPROVED", null);
    move(admin, uid, "CANCELLED", null);
    // released
    place(bob, fresh, 3);
  }

  @Test
  void anEditedOrderLearnsItsNewSnacksToo() {
    Caller ada = member();
    String known = snack("Before the edit");
    String uid = place(ada, known, 1).path("uid").asString();
    String fresh = onlyInSnackService("After the edit", "4.5", "USD");

    JsonNode edited = json(put("/orders/" + uid + "/", ada, order(fresh, 2)), HttpStatus.OK);

    assertThat(edited.path("purchase_set").get(0).path("snack").path("uid").asString())
        .isEqualTo(fresh);
    assertThat(edited.path("totals").path("USD").decimalValue())
        .isEqualByComparingTo(new BigDecimal("9"));
    assertThat(projected(fresh)).containsEntry("status", "ACTIVE");
  }
}
