package com.snackmanager.bench.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the benchmark's data set ({@code data/generate.sql}) into a suite's database in one
 * transaction, with {@code INSERT ... SELECT} over {@code generate_series}: a million reactions in
 * tens of seconds instead of hours of API calls. Writing each service's tables directly (rather
 * than through events) is what makes the load fast; the SQL keeps every projection equal to its
 * source, which {@code GeneratedDataIT} checks against the services' own migrations.
 *
 * <p>Afterwards every table written is vacuumed and analyzed: the planner then knows the new sizes,
 * and the visibility map lets the snack list's index-only scans skip the heap.
 */
public final class DataGenerator {

  /** Every generated member's password; {@link #PASSWORD_HASH} is its bcrypt hash at cost 4. */
  public static final String PASSWORD = "bench-password-1";

  /** Cost 4 (the minimum) so that logging in hundreds of members costs milliseconds. */
  static final String PASSWORD_HASH =
      "$2a$04$zZzTGknM/a5oE.DRZ1rBb.OMlAHTPGub2WNyNhll0vNJ99hFNLo4e";

  static final String SCRIPT = "/data/generate.sql";

  /** The tables the script writes, vacuumed and analyzed after the load. */
  static final List<String> TABLES =
      List.of(
          "auth.member",
          "catalog.snack",
          "reaction.snack",
          "reaction.reaction",
          "ordering.catalog_snack",
          "ordering.snack_reaction_count",
          "ordering.orders",
          "ordering.order_line",
          "ordering.held_snack",
          "ordering.order_status_change",
          "statistics.order_fact",
          "statistics.order_fact_line",
          "statistics.order_bucket",
          "statistics.order_bucket_total",
          "statistics.order_bucket_figures",
          "statistics.snack_bucket",
          "statistics.snack_bucket_total",
          "statistics.snack");

  /** How long one step took. */
  public record Step(String name, Duration took) {}

  private DataGenerator() {}

  /**
   * Loads {@code shape} with orders over the two years before {@code now}, dated in {@code zone}.
   *
   * @param db a connection as a role that may write every service's schema (the superuser)
   * @return the steps with their times, the final vacuum included
   */
  public static List<Step> load(Connection db, DataShape shape, Instant now, ZoneId zone)
      throws SQLException {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("now", "TIMESTAMPTZ '" + now.truncatedTo(ChronoUnit.MILLIS) + "'");
    values.put("zone", "'" + zone.getId() + "'");
    values.put("members", Integer.toString(shape.members()));
    values.put("snacks", Integer.toString(shape.snacks()));
    values.put("reactions", Integer.toString(shape.reactions()));
    values.put("orders", Integer.toString(shape.orders()));
    values.put("base", Integer.toString(shape.baseReactions()));
    values.put("popular", Integer.toString(shape.popularSnacks()));
    values.put("password_hash", PASSWORD_HASH);

    List<Step> steps = new ArrayList<>();
    boolean autoCommit = db.getAutoCommit();
    db.setAutoCommit(false); // one transaction: the temporary tables live until its commit
    try (Statement statement = db.createStatement()) {
      statement.execute("SET LOCAL synchronous_commit = off");
      statement.execute("SET LOCAL work_mem = '256MB'");
      for (Map.Entry<String, String> step : steps(script()).entrySet()) {
        long start = System.nanoTime();
        statement.execute(fill(step.getValue(), values));
        steps.add(new Step(step.getKey(), Duration.ofNanos(System.nanoTime() - start)));
      }
      long start = System.nanoTime();
      db.commit();
      steps.add(new Step("commit", Duration.ofNanos(System.nanoTime() - start)));
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(autoCommit);
    }
    steps.add(vacuum(db));
    return steps;
  }

  private static Step vacuum(Connection db) throws SQLException {
    long start = System.nanoTime();
    boolean autoCommit = db.getAutoCommit();
    db.setAutoCommit(true); // VACUUM cannot run inside a transaction
    try (Statement statement = db.createStatement()) {
      statement.execute("VACUUM (ANALYZE) " + String.join(", ", TABLES));
    } finally {
      db.setAutoCommit(autoCommit);
    }
    return new Step("vacuum and analyze", Duration.ofNanos(System.nanoTime() - start));
  }

  /** The script's {@code -- step: name} blocks in order, by name. */
  static Map<String, String> steps(String script) {
    Map<String, String> steps = new LinkedHashMap<>();
    String name = null;
    StringBuilder sql = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      if (line.startsWith("-- step: ")) {
        if (name != null) {
          steps.put(name, sql.toString());
        }
        name = line.substring("-- step: ".length()).trim();
        sql.setLength(0);
      } else if (name != null) {
        sql.append(line).append('\n');
      }
    }
    if (name != null) {
      steps.put(name, sql.toString());
    }
    return steps;
  }

  static String fill(String script, Map<String, String> values) {
    String filled = script;
    for (Map.Entry<String, String> value : values.entrySet()) {
      filled = filled.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    int left = filled.indexOf("{{");
    if (left >= 0) {
      throw new IllegalStateException(
          "No value for " + filled.substring(left, filled.indexOf("}}", left) + 2));
    }
    return filled;
  }

  private static String script() {
    try (InputStream in = DataGenerator.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " is missing from the benchmark jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
