package com.snackmanager.defaults.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures are outages of which dependency, as {@link ProblemMapper} answers them. */
class OutagesTest {

  static final String DATABASE = "The database is temporarily unavailable; try again shortly.";
  static final String REDIS = "Redis is temporarily unavailable; try again shortly.";
  static final String OTHER =
      "A service this request needs is temporarily unavailable; try again shortly.";

  private static void expect503(Throwable error, String detail) {
    ProblemDetail problem = ProblemMapper.toProblem(error);
    assertThat(problem.getStatus()).as(error.toString()).isEqualTo(503);
    assertThat(problem.getDetail()).as(error.toString()).isEqualTo(detail);
  }

  @Test
  void databaseOutagesAre503sNamingTheDatabase() {
    ConnectException refused = new ConnectException("Connection refused: /127.0.0.1:5432");
    expect503(
        new DataAccessResourceFailureException(
            "Failed to obtain R2DBC Connection",
            new R2dbcNonTransientResourceException("Cannot connect", refused)),
        DATABASE);
    expect503(new CannotCreateTransactionException("Could not open R2DBC Connection"), DATABASE);
    // statement_timeout and a pool's acquire timeout
    expect503(
        new QueryTimeoutException("timed out", new R2dbcTimeoutException("canceled")), DATABASE);
    expect503(
        new TransientDataAccessResourceException(
            "reset", new R2dbcTransientResourceException("reset")),
        DATABASE);
    // untranslated, straight from the driver
    expect503(new R2dbcNonTransientResourceException("Connection closed"), DATABASE);
  }

  @Test
  void postgresqlsOwnCodeDecidesWhatItReported() {
    // statement_timeout, an administrator's shutdown, a login refused
    for (String state : new String[] {"57014", "57P01", "08006", "28P01", "53300", "55P03"}) {
      expect503(
          new DataAccessResourceFailureException(
              "failed", new R2dbcNonTransientResourceException("failed", state)),
          DATABASE);
    }
    // the driver files codes it has no category for as resource failures: a bug is still a 500
    for (String state : new String[] {"25P02", "XX000", "P0001", "0A000"}) {
      assertThat(
              ProblemMapper.toProblem(
                      new DataAccessResourceFailureException(
                          "failed", new R2dbcNonTransientResourceException("failed", state)))
                  .getStatus())
          .as(state)
          .isEqualTo(500);
    }
  }

  @Test
  void redisOutagesAre503sNamingRedis() {
    expect503(
        new RedisConnectionFailureException(
            "Unable to connect to Redis",
            new RedisConnectionException(
                "Unable to connect", new ConnectException("Connection refused"))),
        REDIS);
    // Spring Data Redis turns Lettuce's command timeout into a QueryTimeoutException
    expect503(
        new QueryTimeoutException(
            "Redis command timed out",
            new RedisCommandTimeoutException("Command timed out after 2 second(s)")),
        REDIS);
    expect503(new RedisCommandTimeoutException("Command timed out"), REDIS);
  }

  @Test
  void aRefusedConnectionOfUnknownOriginIsA503Too() {
    expect503(new IllegalStateException("call failed", new ConnectException("refused")), OTHER);
  }

  @Test
  void bugsConflictsAndLockFailuresAreNotOutages() {
    assertThat(ProblemMapper.toProblem(new IllegalStateException("bug")).getStatus())
        .isEqualTo(500);
    assertThat(ProblemMapper.toProblem(new DataIntegrityViolationException("dup")).getStatus())
        .isEqualTo(409);
    // a deadlock or serialization failure: the services answer those with a 409 themselves
    assertThat(ProblemMapper.toProblem(new CannotAcquireLockException("40001")).getStatus())
        .isNotEqualTo(503);
  }
}
