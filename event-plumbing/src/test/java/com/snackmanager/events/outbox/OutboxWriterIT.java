package com.snackmanager.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.events.EventsIntegrationTest;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.Topics;
import com.snackmanager.events.users.UserRegistered;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

class OutboxWriterIT extends EventsIntegrationTest {

  @Autowired OutboxWriter outbox;
  @Autowired EventCodec codec;
  @Autowired DatabaseClient db;
  @Autowired TransactionalOperator transactional;

  @Test
  void stateChangeAndItsEventCommitTogether() {
    long memberId = newMemberId();

    transactional
        .transactional(insertMember(memberId).then(outbox.append(registered(memberId))))
        .block();

    assertThat(members(memberId)).isEqualTo(1);
    String payload =
        db.sql("SELECT payload FROM outbox WHERE aggregate_id = :id")
            .bind("id", Long.toString(memberId))
            .map(row -> row.get("payload", String.class))
            .one()
            .block();
    EventEnvelope stored = codec.decode(payload);
    assertThat(stored.eventType()).isEqualTo(UserRegistered.TYPE);
    assertThat(codec.payload(stored, UserRegistered.class).memberId()).isEqualTo(memberId);
    assertThat(
            db.sql("SELECT topic, event_type, event_version FROM outbox WHERE event_id = :eventId")
                .bind("eventId", stored.eventId())
                .map(row -> row.get(0) + " " + row.get(1) + " " + row.get(2))
                .one()
                .block())
        .isEqualTo(Topics.USERS + " user.registered 1");
  }

  @Test
  void rollbackLeavesNeitherTheStateChangeNorItsEvent() {
    long memberId = newMemberId();

    Mono<Void> failingChange =
        insertMember(memberId)
            .then(outbox.append(registered(memberId)))
            .then(Mono.error(new IllegalStateException("the use case fails after the append")));

    assertThatThrownBy(() -> transactional.transactional(failingChange).block())
        .hasMessageContaining("fails after the append");
    assertThat(members(memberId)).isZero();
    assertThat(outboxRows(memberId)).isZero();
  }

  @Test
  void refusesToAppendOutsideATransaction() {
    long memberId = newMemberId();

    assertThatThrownBy(() -> outbox.append(registered(memberId)).block())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("transaction");
    assertThat(outboxRows(memberId)).isZero();
  }

  @Test
  void appendAllWritesEveryEventInOrderWithItsOwnTraceHeaders() {
    long first = newMemberId();
    long second = newMemberId();
    Map<String, String> traceOfFirst =
        Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

    transactional
        .transactional(
            insertMember(first)
                .then(insertMember(second))
                .then(
                    outbox.appendAll(
                        List.of(
                            new OutboxWriter.Traced(registered(first), traceOfFirst),
                            new OutboxWriter.Traced(registered(second), Map.of())))))
        .block();

    List<String> rows =
        db.sql(
                "SELECT aggregate_id, headers->>'traceparent' AS traceparent FROM outbox"
                    + " WHERE aggregate_id IN (:first, :second) ORDER BY id")
            .bind("first", Long.toString(first))
            .bind("second", Long.toString(second))
            .map(row -> row.get("aggregate_id", String.class) + " " + row.get("traceparent"))
            .all()
            .collectList()
            .block();
    assertThat(rows)
        .containsExactly(
            first + " 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", second + " null");
    String payload =
        db.sql("SELECT payload FROM outbox WHERE aggregate_id = :id")
            .bind("id", Long.toString(second))
            .map(row -> row.get("payload", String.class))
            .one()
            .block();
    assertThat(codec.payload(codec.decode(payload), UserRegistered.class).memberId())
        .isEqualTo(second);
  }

  @Test
  void appendAllRefusesToAppendOutsideATransaction() {
    long memberId = newMemberId();

    assertThatThrownBy(
            () ->
                outbox
                    .appendAll(List.of(new OutboxWriter.Traced(registered(memberId), Map.of())))
                    .block())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("transaction");
    assertThat(outboxRows(memberId)).isZero();
  }

  @Test
  void aPreparedEventIsWrittenByTheStatementOfItsStateChange() {
    long memberId = newMemberId();

    transactional
        .transactional(
            outbox
                .prepare(registered(memberId))
                .flatMap(
                    event ->
                        event
                            .bindTo(
                                db.sql(
                                    "WITH event AS ("
                                        + OutboxWriter.INSERT_EVENT
                                        + ") INSERT INTO test_member (id, email)"
                                        + " VALUES (:id, :email)"))
                            .bind("id", memberId)
                            .bind("email", memberId + "@example.com")
                            .then()))
        .block();

    assertThat(members(memberId)).isEqualTo(1);
    EventEnvelope stored =
        codec.decode(
            db.sql("SELECT payload FROM outbox WHERE aggregate_id = :id")
                .bind("id", Long.toString(memberId))
                .map(row -> row.get("payload", String.class))
                .one()
                .block());
    assertThat(codec.payload(stored, UserRegistered.class).memberId()).isEqualTo(memberId);
    assertThat(
            db.sql("SELECT topic, event_type FROM outbox WHERE event_id = :eventId")
                .bind("eventId", stored.eventId())
                .map(row -> row.get(0) + " " + row.get(1))
                .one()
                .block())
        .isEqualTo(Topics.USERS + " user.registered");
  }

  @Test
  void refusesToPrepareAnEventOutsideATransaction() {
    assertThatThrownBy(() -> outbox.prepare(registered(newMemberId())).block())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("transaction");
  }

  private static long newMemberId() {
    return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
  }

  private static UserRegistered registered(long memberId) {
    return new UserRegistered(memberId, memberId + "@example.com", "M", "MEMBER", Instant.now());
  }

  private Mono<Void> insertMember(long memberId) {
    return db.sql("INSERT INTO test_member (id, email) VALUES (:id, :email)")
        .bind("id", memberId)
        .bind("email", memberId + "@example.com")
        .then();
  }

  private long members(long memberId) {
    return db.sql("SELECT count(*) FROM test_member WHERE id = :id")
        .bind("id", memberId)
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }

  private long outboxRows(long memberId) {
    return db.sql("SELECT count(*) FROM outbox WHERE aggregate_id = :id")
        .bind("id", Long.toString(memberId))
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }
}
