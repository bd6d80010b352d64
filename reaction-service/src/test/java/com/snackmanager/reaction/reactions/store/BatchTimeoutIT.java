package com.snackmanager.reaction.reactions.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.reaction.ReactionServiceTest;
import com.snackmanager.testsupport.ServiceDatabase;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/**
 * A batch that cannot finish in time (here: its snack's lock is held elsewhere) answers 503, writes
 * nothing, and gives its connection back outside any transaction: the timeout fails the batch
 * inside its transaction, which is rolled back, rather than cancelling it from outside.
 */
@TestPropertySource(properties = "snack.reactions.batch.timeout=1s")
class BatchTimeoutIT extends ReactionServiceTest {

  @Test
  void aBatchThatTimesOutIsRolledBackAndLeavesNoConnectionInATransaction() throws Exception {
    String snack = newSnack();
    long member = newMember();
    react(snack, newMember(), "HATE").expectStatus().isOk(); // cached, so the next write batches

    CompletableFuture<Map<String, Object>> answer;
    try (Connection other = lockSnack(snack)) {
      answer =
          CompletableFuture.supplyAsync(
              () -> body(react(snack, member, "LIKE"), HttpStatus.SERVICE_UNAVAILABLE));
      // the batch waits for the lock well past its timeout, and the request with it
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(() -> !answer.isDone());
      other.commit();
    }

    assertThat(answer.get().get("detail").toString()).contains("temporarily unavailable");
    assertThat(storedReaction(snack, member)).isNull();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(sessionsIdleInATransaction()).isZero());
    assertThat(body(react(snack, member, "LIKE"), HttpStatus.OK))
        .containsEntry("like_reaction_count", 1)
        .containsEntry("hate_reaction_count", 1);
    assertThat(storedReaction(snack, member)).isEqualTo("LIKE");
  }

  /** Another session holding the snack's write lock exclusively, as a cache rebuild does. */
  private static Connection lockSnack(String snack) throws Exception {
    ServiceDatabase reaction = ServiceDatabase.REACTION;
    Connection connection =
        DriverManager.getConnection(
            SnackTestInfrastructure.get().jdbcUrl(), reaction.role(), reaction.password());
    connection.setAutoCommit(false);
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
      lock.setInt(1, ReactionWriter.LOCK_NAMESPACE);
      lock.setString(2, snack);
      lock.execute();
    }
    return connection;
  }

  private long sessionsIdleInATransaction() {
    return db.sql(
            """
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND state LIKE 'idle in transaction%'
              AND state_change < now() - interval '500 milliseconds'
            """)
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }
}
