package com.snackmanager.events;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * A consumer's projection in miniature: named counters in the test schema's {@code test_counter}.
 */
public final class TestCounters {

  private TestCounters() {}

  public static Mono<Void> increment(DatabaseClient db, String name) {
    return db.sql(
            """
            INSERT INTO test_counter (name, value) VALUES (:name, 1)
            ON CONFLICT (name) DO UPDATE SET value = test_counter.value + 1
            """)
        .bind("name", name)
        .then();
  }

  public static int value(DatabaseClient db, String name) {
    return db.sql("SELECT value FROM test_counter WHERE name = :name")
        .bind("name", name)
        .map(row -> row.get(0, Integer.class))
        .one()
        .defaultIfEmpty(0)
        .block();
  }
}
