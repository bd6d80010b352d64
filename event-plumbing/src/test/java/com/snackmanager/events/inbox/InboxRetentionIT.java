package com.snackmanager.events.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.events.EventsIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** The inbox purge against the real PostgreSQL. */
class InboxRetentionIT extends EventsIntegrationTest {

  @Autowired DatabaseClient db;
  @Autowired InboxRetention configured;

  @Test
  void deletesIdsPastTheRetentionInBatchesAndKeepsTheOthers() {
    List<UUID> old = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    List<UUID> recent = List.of(UUID.randomUUID(), UUID.randomUUID());
    old.forEach(id -> record(id, "now() - interval '31 days'"));
    recent.forEach(id -> record(id, "now() - interval '29 days'"));
    // batches of 2: the purge must go round until nothing past the retention is left
    InboxRetention retention =
        new InboxRetention(db, new InboxProperties(Duration.ofDays(30), Duration.ofHours(1), 2));

    assertThat(retention.purge().block()).isGreaterThanOrEqualTo(3);

    assertThat(present(old)).isZero();
    assertThat(present(recent)).isEqualTo(2);
    assertThat(retention.purge().block()).isZero();
  }

  @Test
  void runsWithTheApplication() {
    assertThat(configured.isRunning()).isTrue();
  }

  private void record(UUID id, String processedAt) {
    db.sql(
            "INSERT INTO inbox (event_id, event_type, topic, processed_at)"
                + " VALUES (:id, 'test.tick', 'test', "
                + processedAt
                + ")")
        .bind("id", id)
        .then()
        .block();
  }

  private long present(List<UUID> ids) {
    return db.sql("SELECT count(*) FROM inbox WHERE event_id = ANY(:ids)")
        .bind("ids", ids.toArray(UUID[]::new))
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }
}
