package com.snackmanager.events.kafka;

import com.snackmanager.events.envelope.MalformedEventException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.transaction.CannotCreateTransactionException;
import tools.jackson.core.JacksonException;

/**
 * The consumers' failure policy in one place: what a failure of a consumed record says about
 * retrying it. {@link SnackKafkaListeners#errorHandler} turns the verdict into a back-off and
 * {@link BatchListeners} uses it to decide whether a failed batch is retried whole or searched for
 * its failing record.
 *
 * <p>The cause chain is examined from the outside in:
 *
 * <ol>
 *   <li>A SQLSTATE (of an R2DBC or JDBC exception) anywhere in the chain decides: the database said
 *       what went wrong. Classes {@code 08} (connection), {@code 28} (authorization), {@code 40}
 *       (serialization failure, deadlock), {@code 53} (insufficient resources), {@code 57}
 *       (shutdown, cannot connect now, statement timeout), {@code 58} (I/O) and the codes {@code
 *       55P03} (lock not available) and {@code 42501} (insufficient privilege) are {@link
 *       Failure#TRANSIENT}: they concern the database or the service's access to it, and every
 *       record would hit them. Any other SQLSTATE ({@code 23} integrity violation, {@code 22} bad
 *       value, {@code 42} bad statement...) is {@link Failure#PERMANENT}.
 *   <li>Otherwise the first exception of a known type decides:
 *       <ul>
 *         <li>{@link Failure#UNREADABLE}: {@link MalformedEventException} (not an envelope, a
 *             payload that does not fit, an unsupported {@code event_version}, a broken contract),
 *             Kafka and spring-kafka (de)serialisation and conversion errors, Jackson errors.
 *         <li>{@link Failure#TRANSIENT}: {@link IOException} (connection refused, reset or closed,
 *             socket timeouts), {@link UncheckedIOException}, {@link TimeoutException} (also a
 *             connection pool's acquire timeout), {@link InterruptedException} (the container is
 *             stopping); Spring's {@link TransientDataAccessException} (query timeout, deadlock,
 *             lock and serialization failures), {@link RecoverableDataAccessException}, {@link
 *             DataAccessResourceFailureException} (also Redis connection failures) and {@link
 *             CannotCreateTransactionException}; R2DBC's {@link R2dbcTransientException} and {@link
 *             R2dbcNonTransientResourceException}; Lettuce's connection, timeout, loading, busy and
 *             read-only-replica exceptions; Kafka's {@link RetriableException}.
 *         <li>{@link Failure#PERMANENT}: {@link IllegalArgumentException} (invalid values), {@link
 *             DataIntegrityViolationException}.
 *       </ul>
 *   <li>Anything else (a bug such as a {@link NullPointerException}) is {@link Failure#PERMANENT}.
 * </ol>
 */
public final class FailureClassifier {

  /** What a failure means for the record that caused it. */
  public enum Failure {
    /**
     * It will pass (an outage, a timeout, a deadlock): retried without limit, never dead-lettered.
     */
    TRANSIENT,
    /** It will repeat: retried a few times ({@code snack.kafka.retries}), then dead-lettered. */
    PERMANENT,
    /** The record cannot be decoded: dead-lettered at once. */
    UNREADABLE;

    /** The name used in metrics and dead-letter headers. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Lettuce (Redis) failures that pass; matched by name, as event-plumbing does not need Redis. */
  private static final Set<String> TRANSIENT_REDIS =
      Set.of(
          "io.lettuce.core.RedisConnectionException",
          "io.lettuce.core.RedisCommandTimeoutException",
          "io.lettuce.core.RedisCommandInterruptedException",
          "io.lettuce.core.RedisLoadingException",
          "io.lettuce.core.RedisBusyException",
          "io.lettuce.core.RedisReadOnlyException");

  private static final Set<String> TRANSIENT_SQL_CLASSES =
      Set.of("08", "28", "40", "53", "57", "58");

  private static final Set<String> TRANSIENT_SQL_STATES = Set.of("55P03", "42501");

  private FailureClassifier() {}

  public static Failure classify(Throwable failure) {
    List<Throwable> chain = causeChain(failure);
    for (Throwable t : chain) {
      String sqlState = sqlState(t);
      if (sqlState != null) {
        return bySqlState(sqlState);
      }
    }
    for (Throwable t : chain) {
      Failure byType = byType(t);
      if (byType != null) {
        return byType;
      }
    }
    return Failure.PERMANENT;
  }

  public static boolean isTransient(Throwable failure) {
    return classify(failure) == Failure.TRANSIENT;
  }

  /** {@code failure} and its causes, outermost first. */
  private static List<Throwable> causeChain(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static String sqlState(Throwable t) {
    String state = null;
    if (t instanceof R2dbcException r2dbc) {
      state = r2dbc.getSqlState();
    } else if (t instanceof SQLException sql) {
      state = sql.getSQLState();
    }
    return state == null || state.length() != 5 ? null : state;
  }

  private static Failure bySqlState(String sqlState) {
    return TRANSIENT_SQL_CLASSES.contains(sqlState.substring(0, 2))
            || TRANSIENT_SQL_STATES.contains(sqlState)
        ? Failure.TRANSIENT
        : Failure.PERMANENT;
  }

  private static Failure byType(Throwable t) {
    if (t instanceof MalformedEventException
        || t instanceof SerializationException
        || t instanceof DeserializationException
        || t instanceof ConversionException
        || t instanceof MessageConversionException
        || t instanceof JacksonException
        || isNamed(t, "com.fasterxml.jackson.core.JacksonException")) {
      // before IOException: Jackson 2's exceptions are IOExceptions
      return Failure.UNREADABLE;
    }
    if (t instanceof IOException
        || t instanceof UncheckedIOException
        || t instanceof TimeoutException
        || t instanceof InterruptedException
        || t instanceof TransientDataAccessException
        || t instanceof RecoverableDataAccessException
        || t instanceof DataAccessResourceFailureException
        || t instanceof CannotCreateTransactionException
        || t instanceof R2dbcTransientException
        || t instanceof R2dbcNonTransientResourceException
        || t instanceof RetriableException
        || TRANSIENT_REDIS.stream().anyMatch(name -> isNamed(t, name))) {
      return Failure.TRANSIENT;
    }
    if (t instanceof IllegalArgumentException || t instanceof DataIntegrityViolationException) {
      return Failure.PERMANENT;
    }
    return null;
  }

  /** Whether {@code t} is of the class named {@code className} or a subclass of it. */
  private static boolean isNamed(Throwable t, String className) {
    for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().equals(className)) {
        return true;
      }
    }
    return false;
  }
}
