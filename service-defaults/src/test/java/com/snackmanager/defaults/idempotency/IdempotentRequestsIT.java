package com.snackmanager.defaults.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.testsupport.ServiceDatabase;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link IdempotentRequests} on real PostgreSQL, as a service's role in its own schema, with the
 * table from {@code db/idempotency}: Stripe's semantics, the one expiry rule, concurrency decided
 * by the primary key. Each request runs in a transaction of its own, as a service runs it; its
 * "work" writes a row to {@code idempotency_test_effect}, so a test can count the effects.
 */
class IdempotentRequestsIT {

  private static final AtomicLong MEMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
  private static final Duration DAY = Duration.ofHours(24);

  private static ConnectionFactory connections;
  private static DatabaseClient db;
  private static TransactionalOperator transaction;

  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final IdempotentRequests requests =
      new IdempotentRequests(
          new IdempotencyKeys(db),
          new IdempotencyProperties(true, DAY, Duration.ofHours(1)),
          clock);

  @BeforeAll
  static void database() {
    ServiceDatabase schema = ServiceDatabase.CATALOG;
    connections =
        ConnectionFactories.get(
            ConnectionFactoryOptions.parse(SnackTestInfrastructure.get().r2dbcUrl())
                .mutate()
                .option(ConnectionFactoryOptions.USER, schema.role())
                .option(ConnectionFactoryOptions.PASSWORD, schema.password())
                .build());
    db = DatabaseClient.create(connections);
    transaction = TransactionalOperator.create(new R2dbcTransactionManager(connections));
    db.sql(migration()).then().block();
    db.sql(
            "CREATE TABLE IF NOT EXISTS idempotency_test_effect"
                + " (member_id bigint NOT NULL, note text NOT NULL)")
        .then()
        .block();
  }

  @Test
  void aRetryWithTheSameKeyAndRequestGetsTheFirstResponseAndDoesNothing() {
    long member = newMember();
    IdempotencyKey key = newKey();

    StoredResponse first = once(member, key, "hash-a", work(member, "first")).block();
    StoredResponse again = once(member, key, "hash-a", work(member, "again")).block();

    assertThat(first.replayed()).isFalse();
    assertThat(again.replayed()).isTrue();
    assertThat(again.status()).isEqualTo(first.status());
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.location()).isEqualTo(first.location()).isEqualTo("/things/first");
    assertThat(effects(member)).containsExactly("first");
  }

  @Test
  void aResponseWithoutLocationIsReplayedWithoutOne() {
    long member = newMember();
    IdempotencyKey key = newKey();
    Supplier<Mono<StoredResponse>> work =
        () -> Mono.just(StoredResponse.of(201, "{\"n\":1}", null));
    once(member, key, "hash", work).block();
    StoredResponse again = once(member, key, "hash", work).block();
    assertThat(again.replayed()).isTrue();
    assertThat(again.location()).isNull();
    assertThat(again.body()).isEqualTo("{\"n\":1}");
  }

  @Test
  void theSameKeyWithAnotherRequestIsA409AndDoesNothing() {
    long member = newMember();
    IdempotencyKey key = newKey();
    once(member, key, "hash-a", work(member, "first")).block();

    assertThatThrownBy(() -> once(member, key, "hash-b", work(member, "other")).block())
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(e.getMessage()).isEqualTo(IdempotentRequests.KEY_REUSED);
            });
    assertThat(effects(member)).containsExactly("first");
  }

  @Test
  void keysArePerMember() {
    long ada = newMember();
    long bob = newMember();
    IdempotencyKey key = newKey();
    assertThat(once(ada, key, "hash", work(ada, "ada's")).block().replayed()).isFalse();
    assertThat(once(bob, key, "hash", work(bob, "bob's")).block().replayed()).isFalse();
    assertThat(effects(ada)).containsExactly("ada's");
    assertThat(effects(bob)).containsExactly("bob's");
  }

  @Test
  void aFailedRequestLeavesNeitherKeyNorEffectSoItCanBeRetried() {
    long member = newMember();
    IdempotencyKey key = newKey();
    Supplier<Mono<StoredResponse>> failing =
        () ->
            work(member, "half done")
                .get()
                .then(Mono.error(ApiException.badRequest("a business rule said no")));

    assertThatThrownBy(() -> once(member, key, "hash-a", failing).block())
        .isInstanceOf(ApiException.class);
    assertThat(effects(member)).isEmpty();
    assertThat(keysOf(member)).isZero();

    // fixed, with another body even: the key is free
    assertThat(once(member, key, "hash-b", work(member, "fixed")).block().replayed()).isFalse();
    assertThat(effects(member)).containsExactly("fixed");
  }

  @Test
  void tenConcurrentRequestsWithOneKeyDoTheWorkOnceAndAllGetItsResponse() {
    long member = newMember();
    IdempotencyKey key = newKey();
    AtomicInteger runs = new AtomicInteger();
    List<StoredResponse> responses =
        Flux.range(0, 10)
            .flatMap(
                i ->
                    once(
                        member,
                        key,
                        "hash",
                        () -> {
                          runs.incrementAndGet();
                          return work(member, "once").get();
                        }),
                10)
            .collectList()
            .block(Duration.ofMinutes(1));

    assertThat(responses).hasSize(10);
    assertThat(responses.stream().map(StoredResponse::body).distinct()).hasSize(1);
    assertThat(responses.stream().filter(r -> !r.replayed())).hasSize(1);
    assertThat(runs).hasValue(1);
    assertThat(effects(member)).containsExactly("once");
  }

  @Test
  void aKeyIsRememberedForTheRetentionThenTakenOverByTheNextRequest() {
    long member = newMember();
    IdempotencyKey key = newKey();
    once(member, key, "hash-a", work(member, "yesterday")).block();

    clock.advance(DAY.minusSeconds(1));
    assertThatThrownBy(() -> once(member, key, "hash-b", work(member, "too early")).block())
        .isInstanceOf(ApiException.class);

    clock.advance(Duration.ofSeconds(2));
    StoredResponse today = once(member, key, "hash-b", work(member, "today")).block();
    assertThat(today.replayed()).isFalse();
    assertThat(effects(member)).containsExactly("yesterday", "today");
    // and the taken-over key replays the new response
    assertThat(once(member, key, "hash-b", work(member, "x")).block().location())
        .isEqualTo("/things/today");
  }

  @Test
  void expiredRecordsArePurgedAndNoOthers() {
    long member = newMember();
    once(member, newKey(), "hash", work(member, "old")).block();
    clock.advance(Duration.ofHours(2));
    once(member, newKey(), "hash", work(member, "newer")).block();

    clock.advance(DAY.minus(Duration.ofHours(1)));
    requests.purgeExpired().block();

    assertThat(keysOf(member)).isOne();
  }

  @Test
  void thePurgeRunsByItselfEveryInterval() {
    long member = newMember();
    once(member, newKey(), "hash", work(member, "old")).block();
    clock.advance(DAY.plusHours(1));
    IdempotencyKeyPurge purge = new IdempotencyKeyPurge(requests, Duration.ofMillis(100));
    purge.start();
    try {
      assertThat(purge.isRunning()).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> keysOf(member) == 0);
    } finally {
      purge.stop();
    }
    assertThat(purge.isRunning()).isFalse();
  }

  @Test
  void aRecordWithoutResponseIsARequestStillInProgress() {
    // a claim and its response commit together; only a transaction still running looks like this
    long member = newMember();
    db.sql(
            "INSERT INTO idempotency_key (member_id, idempotency_key, request_hash, created_at)"
                + " VALUES (:m, 'running', 'hash', :now)")
        .bind("m", member)
        .bind("now", clock.instant())
        .then()
        .block();
    assertThatThrownBy(
            () -> once(member, new IdempotencyKey("running"), "hash", work(member, "x")).block())
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.getMessage()).isEqualTo(IdempotentRequests.IN_PROGRESS));
  }

  @Test
  void theMigrationUpgradesATableAServiceCreatedBeforeTheComponentExisted() {
    // the snack-service's V1 shape; checked in a transaction that is rolled back
    Mono<List<String>> upgraded =
        db.sql("DROP TABLE idempotency_key")
            .then()
            .then(
                db.sql(
                        "CREATE TABLE idempotency_key (member_id bigint NOT NULL,"
                            + " idempotency_key text NOT NULL, request_hash text NOT NULL,"
                            + " response_status integer, response_body text, snack_uid text,"
                            + " created_at timestamptz NOT NULL DEFAULT now(),"
                            + " PRIMARY KEY (member_id, idempotency_key))")
                    .then())
            .then(db.sql(migration()).then())
            .then(db.sql(migration()).then())
            .thenMany(
                db.sql(
                        "SELECT column_name FROM information_schema.columns"
                            + " WHERE table_name = 'idempotency_key'"
                            + " AND table_schema = current_schema() ORDER BY column_name")
                    .map(row -> row.get(0, String.class))
                    .all())
            .collectList()
            .flatMap(columns -> Mono.<List<String>>error(new RolledBack(columns)));
    assertThatThrownBy(() -> transaction.transactional(upgraded).block())
        .isInstanceOfSatisfying(
            RolledBack.class,
            e -> assertThat(e.columns).contains("response_location", "snack_uid", "created_at"));
    assertThat(keysOf(-1)).isZero(); // the table is back as it was
  }

  private Mono<StoredResponse> once(
      long member, IdempotencyKey key, String hash, Supplier<Mono<StoredResponse>> work) {
    return transaction.transactional(requests.once(member, key, hash, work));
  }

  /** The request's effect: one row; its response names it. */
  private Supplier<Mono<StoredResponse>> work(long member, String note) {
    return () ->
        db.sql("INSERT INTO idempotency_test_effect (member_id, note) VALUES (:m, :note)")
            .bind("m", member)
            .bind("note", note)
            .then()
            .thenReturn(
                StoredResponse.of(
                    201,
                    "{\"note\":\"" + note + "\",\"id\":" + UUID.randomUUID().hashCode() + "}",
                    "/things/" + note));
  }

  private List<String> effects(long member) {
    return db.sql(
            "SELECT note FROM idempotency_test_effect WHERE member_id = :m ORDER BY note DESC")
        .bind("m", member)
        .map(row -> row.get(0, String.class))
        .all()
        .collectList()
        .block();
  }

  private long keysOf(long member) {
    return db.sql("SELECT count(*) FROM idempotency_key WHERE member_id = :m")
        .bind("m", member)
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }

  private static long newMember() {
    return MEMBERS.incrementAndGet();
  }

  private static IdempotencyKey newKey() {
    return new IdempotencyKey(UUID.randomUUID().toString());
  }

  private static String migration() {
    try (InputStream in =
        IdempotentRequestsIT.class
            .getClassLoader()
            .getResourceAsStream("db/idempotency/R__idempotency_key.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Carries what was seen out of a transaction that must not commit. */
  private static final class RolledBack extends RuntimeException {
    final List<String> columns;

    RolledBack(List<String> columns) {
      super("rolled back on purpose", null, false, false);
      this.columns = columns;
    }
  }

  /** A clock a test moves forward. */
  private static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;

    MovableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration by) {
      now.updateAndGet(instant -> instant.plus(by));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
