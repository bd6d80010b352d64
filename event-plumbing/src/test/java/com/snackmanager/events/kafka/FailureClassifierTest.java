package com.snackmanager.events.kafka;

import static com.snackmanager.events.kafka.FailureClassifier.Failure.PERMANENT;
import static com.snackmanager.events.kafka.FailureClassifier.Failure.TRANSIENT;
import static com.snackmanager.events.kafka.FailureClassifier.Failure.UNREADABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.MalformedEventException;
import com.snackmanager.events.kafka.FailureClassifier.Failure;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.r2dbc.BadSqlGrammarException;
import org.springframework.transaction.CannotCreateTransactionException;
import reactor.core.Exceptions;

class FailureClassifierTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        // the message cannot be decoded: dead-lettered at once
        arguments("not an envelope", malformed(), UNREADABLE),
        arguments(
            "not an envelope, through the listener adapter",
            new ListenerExecutionFailedException("listener failed", malformed()),
            UNREADABLE),
        arguments(
            "the deserializer failed",
            new DeserializationException("bad bytes", new byte[] {1}, false, null),
            UNREADABLE),
        arguments(
            "the consumer could not deserialize",
            new RecordDeserializationException(
                RecordDeserializationException.DeserializationExceptionOrigin.VALUE,
                new TopicPartition("t", 0),
                0,
                0,
                TimestampType.CREATE_TIME,
                null,
                null,
                null,
                "bad bytes",
                null),
            UNREADABLE),
        // it will pass: retried without limit
        arguments(
            "no database connection",
            new DataAccessResourceFailureException(
                "Failed to obtain R2DBC Connection", new ConnectException("Connection refused")),
            TRANSIENT),
        arguments(
            "no connection for the transaction",
            new CannotCreateTransactionException(
                "Could not open R2DBC Connection for transaction",
                new R2dbcNonTransientResourceException("Connection closed")),
            TRANSIENT),
        arguments(
            "the connection was closed",
            new R2dbcNonTransientResourceException("Connection unexpectedly closed"),
            TRANSIENT),
        arguments("a socket timed out", new SocketTimeoutException("Read timed out"), TRANSIENT),
        arguments(
            "a channel closed", new UncheckedIOException(new ClosedChannelException()), TRANSIENT),
        arguments(
            "a blocking read timed out",
            new IllegalStateException("Timeout on blocking read", new TimeoutException()),
            TRANSIENT),
        arguments(
            "the container is stopping",
            Exceptions.propagate(new InterruptedException()),
            TRANSIENT),
        arguments("a query timed out", new QueryTimeoutException("timeout"), TRANSIENT),
        arguments("a deadlock", new PessimisticLockingFailureException("deadlock"), TRANSIENT),
        arguments("a lock not acquired", new CannotAcquireLockException("lock"), TRANSIENT),
        arguments(
            "a transient resource failure",
            new TransientDataAccessResourceException("busy"),
            TRANSIENT),
        arguments("an R2DBC timeout", new R2dbcTimeoutException("timeout"), TRANSIENT),
        arguments(
            "a statement timeout (57014)",
            database("canceling statement due to statement timeout", "57014"),
            TRANSIENT),
        arguments(
            "the database shutting down (57P01)",
            database("terminating connection due to administrator command", "57P01"),
            TRANSIENT),
        arguments(
            "the database starting up (57P03)",
            database("the database system is starting up", "57P03"),
            TRANSIENT),
        arguments(
            "too many connections (53300)",
            database("sorry, too many clients already", "53300"),
            TRANSIENT),
        arguments(
            "a deadlock detected (40P01)",
            new PessimisticLockingFailureException(
                "deadlock", new R2dbcRollbackException("deadlock detected", "40P01")),
            TRANSIENT),
        arguments(
            "a serialization failure (40001)",
            new R2dbcRollbackException("could not serialize access", "40001"),
            TRANSIENT),
        arguments(
            "a JDBC connection failure",
            new SQLTransientConnectionException("connection lost", "08006"),
            TRANSIENT),
        arguments(
            "a missing grant (42501)",
            new BadSqlGrammarException(
                "insert",
                "INSERT",
                new R2dbcBadGrammarException("permission denied for table t", "42501")),
            TRANSIENT),
        arguments(
            "Redis unreachable", new RedisConnectionException("Unable to connect"), TRANSIENT),
        arguments(
            "a Redis command timed out",
            new RedisCommandTimeoutException("Command timed out"),
            TRANSIENT),
        arguments(
            "Redis loading its data",
            new RedisLoadingException("LOADING Redis is loading the dataset in memory"),
            TRANSIENT),
        arguments(
            "a retriable Kafka error", new NotLeaderOrFollowerException("leader moved"), TRANSIENT),
        arguments(
            "a transient failure of a batch",
            new BatchListenerFailedException(
                "The batch failed", new QueryTimeoutException("timeout"), 0),
            TRANSIENT),
        // it will repeat: a few retries, then the dead-letter topic
        arguments(
            "a unique key violated (23505)",
            new DuplicateKeyException(
                "duplicate", new R2dbcDataIntegrityViolationException("duplicate key", "23505")),
            PERMANENT),
        arguments(
            "a NOT NULL violated (23502)",
            new DataIntegrityViolationException(
                "null value",
                new R2dbcDataIntegrityViolationException("null value in column", "23502")),
            PERMANENT),
        arguments(
            "an error raised by the database (P0001), reported as a resource failure",
            new DataAccessResourceFailureException(
                "raised", new R2dbcNonTransientResourceException("no such snack", "P0001")),
            PERMANENT),
        arguments(
            "a bad statement (42P01)",
            new BadSqlGrammarException(
                "select",
                "SELECT",
                new R2dbcBadGrammarException("relation does not exist", "42P01")),
            PERMANENT),
        arguments("an invalid value", new IllegalArgumentException("quantity 0"), PERMANENT),
        arguments(
            "an invalid value, whatever its cause",
            new IllegalArgumentException("bad", new ConnectException()),
            PERMANENT),
        arguments("a bug", new NullPointerException(), PERMANENT),
        arguments("an unknown failure", new IllegalStateException("cannot handle"), PERMANENT),
        arguments(
            "a Redis script error", new RedisException("ERR Error running script"), PERMANENT),
        arguments("a record too large", new RecordTooLargeException("too large"), PERMANENT));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("failures")
  void classifiesByTheCauseChain(String what, Throwable failure, Failure expected) {
    assertThat(FailureClassifier.classify(failure)).isEqualTo(expected);
  }

  @Test
  void aCycleInTheCauseChainEnds() {
    IllegalStateException outer = new IllegalStateException("outer");
    IllegalStateException inner = new IllegalStateException("inner", outer);
    outer.initCause(inner);

    assertThat(FailureClassifier.classify(outer)).isEqualTo(PERMANENT);
  }

  @Test
  void labelsAreLowerCase() {
    assertThat(UNREADABLE.label()).isEqualTo("unreadable");
    assertThat(PERMANENT.label()).isEqualTo("permanent");
  }

  private static MalformedEventException malformed() {
    try {
      new EventCodec().decode("{\"not\": \"an envelope\"");
      throw new AssertionError("decoded");
    } catch (MalformedEventException e) {
      return e;
    }
  }

  /** A database error as Spring's R2DBC support reports it: the server's SQLSTATE inside. */
  private static DataAccessResourceFailureException database(String message, String sqlState) {
    return new DataAccessResourceFailureException(
        message, new R2dbcNonTransientResourceException(message, sqlState));
  }
}
