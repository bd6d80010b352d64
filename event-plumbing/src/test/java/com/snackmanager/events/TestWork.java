package com.snackmanager.events;

import com.snackmanager.events.envelope.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test events ({@value #TYPE}) whose consumers fail for real, in PostgreSQL: a consumer counts the
 * event's name in {@code test_counter}, but first, for a while after its first attempt, its
 * transaction runs into the statement timeout (SQLSTATE 57014, a transient failure), and a {@code
 * violating} event breaks a NOT NULL constraint (23502, a failure that will always repeat).
 */
@Component
public class TestWork {

  public static final String TYPE = "test.work";

  private final DatabaseClient db;
  private final Map<UUID, Instant> firstAttempts = new ConcurrentHashMap<>();

  public TestWork(DatabaseClient db) {
    this.db = db;
  }

  /** An event whose work succeeds at once. */
  public static EventEnvelope event(String key, String name) {
    return event(key, name, Duration.ZERO, false);
  }

  /**
   * @param timingOutFor how long after the first attempt the work times out
   * @param violating whether the work then fails for good
   */
  public static EventEnvelope event(
      String key, String name, Duration timingOutFor, boolean violating) {
    return new EventEnvelope(
        UUID.randomUUID(),
        TYPE,
        1,
        Instant.now(),
        key,
        JsonMapper.shared()
            .createObjectNode()
            .put("name", name)
            .put("timing_out_for_ms", timingOutFor.toMillis())
            .put("violating", violating));
  }

  /** The event's work, to run in the consumer's transaction. */
  public Mono<Void> apply(EventEnvelope event) {
    JsonNode payload = event.payload();
    Instant first = firstAttempts.computeIfAbsent(event.eventId(), id -> Instant.now());
    if (Instant.now().isBefore(first.plusMillis(payload.get("timing_out_for_ms").asLong()))) {
      return db.sql("SET LOCAL statement_timeout = 1")
          .then()
          .then(db.sql("SELECT pg_sleep(1)").then());
    }
    if (payload.get("violating").asBoolean()) {
      return db.sql("INSERT INTO test_member (id, email) VALUES (-1, NULL)").then();
    }
    return TestCounters.increment(db, payload.get("name").asString());
  }
}
