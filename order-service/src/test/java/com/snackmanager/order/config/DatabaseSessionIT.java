package com.snackmanager.order.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.snackmanager.defaults.web.ProblemMapper;
import com.snackmanager.order.OrderServiceTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The service's own R2DBC connections carry the suite's session limits (service-defaults) beside
 * the service's schema, and a statement cut off by them is answered as an outage.
 */
class DatabaseSessionIT extends OrderServiceTest {

  @Autowired ReactiveTransactionManager transactions;
  @Autowired R2dbcProperties r2dbc;

  private String show(String setting) {
    return db.sql("SHOW " + setting).map(row -> row.get(0, String.class)).one().block();
  }

  @Test
  void statementsAndIdleTransactionsAreBounded() {
    assertThat(show("statement_timeout")).isEqualTo("15s");
    assertThat(show("idle_in_transaction_session_timeout")).isEqualTo("1min");
    assertThat(show("search_path")).contains("ordering");
    // the reaction-service alone sets force_generic_plan (snack.db.plan-cache-mode)
    assertThat(show("plan_cache_mode")).isEqualTo("auto");
  }

  @Test
  void connectingAndWaitingForAPooledConnectionAreBounded() {
    assertThat(r2dbc.getProperties()).containsEntry("connectTimeout", "5s");
    assertThat(r2dbc.getPool().getMaxAcquireTime()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aStatementCancelledByTheTimeoutIsA503NamingTheDatabase() {
    // SET LOCAL: the shorter limit ends with the transaction, the pooled connection keeps 15 s
    Throwable error =
        catchThrowable(
            () ->
                db.sql("SET LOCAL statement_timeout = '50ms'")
                    .then()
                    .then(db.sql("SELECT pg_sleep(5)").then())
                    .as(TransactionalOperator.create(transactions)::transactional)
                    .block());

    ProblemDetail problem = ProblemMapper.toProblem(error);
    assertThat(problem.getStatus()).as(String.valueOf(error)).isEqualTo(503);
    assertThat(problem.getDetail())
        .isEqualTo("The database is temporarily unavailable; try again shortly.");
    assertThat(show("statement_timeout")).isEqualTo("15s");
  }
}
