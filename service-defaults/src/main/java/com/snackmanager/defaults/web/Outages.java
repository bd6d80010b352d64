package com.snackmanager.defaults.web;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure that means a dependency could not be reached or did not answer in time (an
 * outage, not a bug and not the client's fault), and names the dependency. Such a request is
 * answered 503, so that clients and the gateway retry later instead of reporting a server fault.
 *
 * <p>R2DBC and Lettuce types are matched by name: every service has Redis, but the gateway has no
 * R2DBC. What is an outage:
 *
 * <ul>
 *   <li>Spring's {@link DataAccessResourceFailureException} (no connection could be obtained; also
 *       Spring Data Redis' connection failure), {@link TransientDataAccessResourceException},
 *       {@link QueryTimeoutException} (PostgreSQL's {@code statement_timeout}, a Redis command
 *       timeout) and {@link CannotCreateTransactionException} (no connection to begin a transaction
 *       on);
 *   <li>R2DBC's resource and timeout exceptions, should one arrive untranslated;
 *   <li>Lettuce's connection, command-timeout, loading and busy exceptions;
 *   <li>a refused connection ({@link ConnectException}).
 * </ul>
 *
 * When PostgreSQL itself reported the failure, its SQLSTATE decides instead, because the driver
 * files every code it has no category for as a "resource" failure: only {@code 08} (connection),
 * {@code 28} (cannot log in), {@code 3D} (no such database), {@code 53} (out of resources), {@code
 * 57} (shut down, statement timeout), {@code 58} (I/O), {@code 55P03} (lock timeout) and {@code
 * 25P03} (idle-in-transaction timeout) are outages; a bad statement, a broken constraint or a
 * deadlock is not (services answer conflicts with a 409 themselves, the rest is a 500).
 */
final class Outages {

  /** The dependency that is down, with the {@code detail} a client sees. */
  enum Dependency {
    DATABASE("the database", "The database is temporarily unavailable; try again shortly."),
    REDIS("Redis", "Redis is temporarily unavailable; try again shortly."),
    OTHER(
        "a dependency",
        "A service this request needs is temporarily unavailable; try again shortly.");

    private final String label;
    private final String detail;

    Dependency(String label, String detail) {
      this.label = label;
      this.detail = detail;
    }

    String label() {
      return label;
    }

    String detail() {
      return detail;
    }
  }

  private static final Set<String> OUTAGE_CLASSES =
      Set.of(
          "io.r2dbc.spi.R2dbcTransientResourceException",
          "io.r2dbc.spi.R2dbcNonTransientResourceException",
          "io.r2dbc.spi.R2dbcTimeoutException",
          "io.lettuce.core.RedisConnectionException",
          "io.lettuce.core.RedisCommandTimeoutException",
          "io.lettuce.core.RedisLoadingException",
          "io.lettuce.core.RedisBusyException");

  private static final Set<String> OUTAGE_SQL_CLASSES = Set.of("08", "28", "3D", "53", "57", "58");

  private static final Set<String> OUTAGE_SQL_STATES = Set.of("55P03", "25P03");

  private static final String R2DBC_EXCEPTION = "io.r2dbc.spi.R2dbcException";

  private static final List<String> REDIS_PACKAGES =
      List.of("io.lettuce.", "org.springframework.data.redis.");

  private static final List<String> DATABASE_PACKAGES =
      List.of(
          "io.r2dbc.",
          "org.springframework.r2dbc.",
          "org.springframework.transaction.",
          "org.springframework.dao.");

  private Outages() {}

  /** The dependency whose outage {@code error} reports, or null if it reports no outage. */
  static Dependency unavailable(Throwable error) {
    List<Throwable> chain = causeChain(error);
    String sqlState =
        chain.stream().map(Outages::sqlState).filter(s -> s != null).findFirst().orElse(null);
    boolean outage =
        sqlState != null
            ? OUTAGE_SQL_CLASSES.contains(sqlState.substring(0, 2))
                || OUTAGE_SQL_STATES.contains(sqlState)
            : chain.stream().anyMatch(Outages::isOutage);
    if (!outage) {
      return null;
    }
    if (chain.stream().anyMatch(t -> fromPackage(t, REDIS_PACKAGES))) {
      return Dependency.REDIS;
    }
    if (chain.stream().anyMatch(t -> fromPackage(t, DATABASE_PACKAGES))) {
      return Dependency.DATABASE;
    }
    return Dependency.OTHER;
  }

  /** The innermost cause's type and message, for a one-line log entry. */
  static String rootCause(Throwable error) {
    List<Throwable> chain = causeChain(error);
    Throwable root = chain.get(chain.size() - 1);
    return root == error ? error.toString() : error + " (caused by " + root + ")";
  }

  private static boolean isOutage(Throwable t) {
    return t instanceof DataAccessResourceFailureException
        || t instanceof TransientDataAccessResourceException
        || t instanceof QueryTimeoutException
        || t instanceof CannotCreateTransactionException
        || t instanceof ConnectException
        || hasType(t, OUTAGE_CLASSES);
  }

  /** The SQLSTATE PostgreSQL sent with an R2DBC exception, or null. */
  private static String sqlState(Throwable t) {
    for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().equals(R2DBC_EXCEPTION)) {
        try {
          Object state = type.getMethod("getSqlState").invoke(t);
          return state instanceof String text && text.length() == 5 ? text : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static List<Throwable> causeChain(Throwable error) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /** Whether {@code t} is of one of the named classes or a subclass of one. */
  private static boolean hasType(Throwable t, Set<String> classNames) {
    for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
      if (classNames.contains(type.getName())) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code t}'s class or one of its superclasses lives in one of the packages. */
  private static boolean fromPackage(Throwable t, List<String> packages) {
    for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
      String name = type.getName();
      if (packages.stream().anyMatch(name::startsWith)) {
        return true;
      }
    }
    return false;
  }
}
