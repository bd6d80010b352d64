package com.snackmanager.bench.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The suite the benchmark measures, started with {@code ./suite up} exactly as a developer starts
 * it, but in its own state folder ({@code .run-bench}, emptied first so every run starts from the
 * same empty database) and on its own ports (services on 8280-8285, PostgreSQL 15632, Redis 16579,
 * Kafka 19292/19293), so it never touches a developer's suite on the default ports nor the
 * end-to-end tests' (which pick free ports from 28080 up).
 */
public final class BenchSuite {

  /** The shift of every service port: 8080 becomes 8280. */
  public static final int PORT_OFFSET = 200;

  public static final String ADMIN_EMAIL = "admin@snack.local";
  public static final String ADMIN_PASSWORD = "snack-admin-dev";

  /** The embedded PostgreSQL's superuser (zonky's default), which loads the data. */
  static final String DB_SUPERUSER = "postgres";

  private static final int PG_PORT = 15432 + PORT_OFFSET;
  private static final int REDIS_PORT = 16379 + PORT_OFFSET;
  private static final int KAFKA_PORT = 19092 + PORT_OFFSET;

  private final Path root;
  private final Path runDir;

  public BenchSuite(Path root) {
    this.root = root;
    this.runDir = root.resolve(".run-bench");
  }

  public Path runDir() {
    return runDir;
  }

  public String gateway() {
    return url(8080);
  }

  public String authService() {
    return url(8081);
  }

  public String reactionService() {
    return url(8084);
  }

  public String statisticsService() {
    return url(8085);
  }

  /** Every service's own address, by name, in start order. */
  public Map<String, String> services() {
    Map<String, String> services = new LinkedHashMap<>();
    services.put("auth-service", url(8081));
    services.put("snack-service", url(8082));
    services.put("reaction-service", url(8084));
    services.put("order-service", url(8083));
    services.put("statistics-service", url(8085));
    services.put("gateway", url(8080));
    return services;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/postgres";
  }

  public String dbUser() {
    return DB_SUPERUSER;
  }

  public String dbPassword() {
    return DB_SUPERUSER;
  }

  /**
   * The environment of {@code ./suite}: the ports and state folder above, no demo snacks, no build
   * (the benchmark command built already), and settings the services read that a long benchmark
   * needs: access tokens valid for the whole run (two hours instead of 15 minutes).
   */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SNACK_RUN_DIR", runDir.toString());
    env.put("SNACK_PORT_OFFSET", Integer.toString(PORT_OFFSET));
    env.put("SNACK_PG_PORT", Integer.toString(PG_PORT));
    env.put("SNACK_REDIS_PORT", Integer.toString(REDIS_PORT));
    env.put("SNACK_KAFKA_PORT", Integer.toString(KAFKA_PORT));
    env.put("SNACK_KAFKA_CONTROLLER_PORT", Integer.toString(KAFKA_PORT + 1));
    env.put("SNACK_DEMO_DATA", "false");
    env.put("SNACK_SKIP_BUILD", "1");
    env.put("SNACK_ADMIN_EMAIL", ADMIN_EMAIL);
    env.put("SNACK_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("SNACK_JWT_ACCESS_TTL", "2h");
    return env;
  }

  /** Stops a suite left in {@code .run-bench} by an earlier run, empties it, starts the suite. */
  public void up() {
    suite("down");
    deleteRecursively(runDir);
    suite("up");
  }

  /** Stops the suite and drops its data (over a gigabyte at full scale); the logs stay. */
  public void down() {
    suite("down");
    deleteRecursively(runDir.resolve("postgres"));
    deleteRecursively(runDir.resolve("kafka"));
  }

  private void suite(String command) {
    ProcessBuilder builder =
        new ProcessBuilder(root.resolve("suite").toString(), command)
            .directory(root.toFile())
            .inheritIO();
    builder.environment().putAll(environment());
    try {
      int exit = builder.start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            "./suite "
                + command
                + " failed (exit "
                + exit
                + "); logs in "
                + runDir.resolve("logs"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during ./suite " + command, e);
    }
  }

  private String url(int defaultPort) {
    return "http://127.0.0.1:" + (defaultPort + PORT_OFFSET);
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not empty " + dir, e);
    }
  }
}
