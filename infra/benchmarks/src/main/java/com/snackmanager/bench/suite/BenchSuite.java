package com.snackmanager.bench.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The suite the benchmark measures, started with {@code ./suite up} exactly as a developer starts
 * it, but in its own state folder ({@code .run-bench}, emptied first so every run starts from the
 * same empty database) and on its own ports (services on 8280-8285, their management ports on
 * 9280-9285, PostgreSQL 15632, Redis 16579, Kafka 19292/19293), so it never touches a developer's
 * suite on the default ports nor the end-to-end tests' (which pick free ports from 28080 up).
 *
 * <p>It runs from a copy of the built tree in that state folder ({@code ./suite}, the runner's jar
 * and Kafka's libraries, every service's jar): a JVM reads classes from its jar for as long as it
 * runs, and a rebuild of the working tree during a half-hour run (another developer's {@code ./mvnw
 * install}) would otherwise rewrite the jars under the running services, which then fail with
 * {@code NoClassDefFoundError} halfway through the measurements.
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

  /**
   * Every service's management address (actuator: probes, metrics), by name, in start order: the
   * local runner puts it 1000 above the service's API port (8281 → 9281), whose {@code /actuator}
   * answers 404.
   */
  public Map<String, String> managementAddresses() {
    Map<String, String> management = new LinkedHashMap<>();
    services().forEach((name, url) -> management.put(name, managementOf(url)));
    return management;
  }

  private static String managementOf(String serviceUrl) {
    int colon = serviceUrl.lastIndexOf(':');
    int port = Integer.parseInt(serviceUrl.substring(colon + 1));
    return serviceUrl.substring(0, colon + 1) + (port + MANAGEMENT_PORT_SHIFT);
  }

  /** The local runner's management port of a service: its API port + 1000 (ServiceTable). */
  static final int MANAGEMENT_PORT_SHIFT = 1000;

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

  /**
   * The wall times of {@code ./suite up} alone, until it reported every service ready.
   *
   * @param first the first start of the built tree: the runner extracts each service's jar and the
   *     JVMs write their class data archives when they stop
   * @param again the start after that (a developer's every later {@code ./suite up} of the same
   *     build), which maps those archives; the measured one
   */
  public record StartUp(Duration first, Duration again) {}

  /**
   * Stops a suite left in {@code .run-bench} by an earlier run, empties it, starts the suite from a
   * fresh copy of the built tree, stops it (writing the class data archives), empties its
   * PostgreSQL and Kafka data and starts it again: the run measures a suite started as a developer
   * starts it every time but the first after a build.
   */
  public StartUp up() {
    suite(root, "down");
    deleteRecursively(runDir);
    long copying = System.nanoTime();
    long bytes = copyBuiltTree();
    System.out.printf(
        Locale.ROOT,
        "[bench] copied the built suite (%d MiB) to %s in %.1f s%n",
        bytes >> 20,
        runDir,
        (System.nanoTime() - copying) / 1e9);
    Duration first = timedUp();
    System.out.printf(
        Locale.ROOT,
        "[bench] first start %.1f s; stopping it (the services write their class data archives)"
            + " and starting again from empty data%n",
        first.toMillis() / 1000.0);
    suite(root, "down");
    deleteRecursively(runDir.resolve("postgres"));
    deleteRecursively(runDir.resolve("kafka"));
    return new StartUp(first, timedUp());
  }

  private Duration timedUp() {
    long start = System.nanoTime();
    suite(runDir, "up");
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Stops the suite and drops its data (over a gigabyte at full scale) and the copy of the built
   * tree; the logs stay.
   */
  public void down() {
    suite(root, "down");
    deleteRecursively(runDir.resolve("postgres"));
    deleteRecursively(runDir.resolve("kafka"));
    for (String copied : COPIED_DIRS) {
      deleteRecursively(runDir.resolve(copied));
    }
    deleteRecursively(runDir.resolve(SUITE_SCRIPT));
  }

  static final String SUITE_SCRIPT = "suite";
  static final String RUNNER_TARGET = "infra/local-runner/target";

  /** What {@link #copyBuiltTree} creates in the state folder besides the script. */
  static final List<String> COPIED_DIRS =
      List.of(
          "infra",
          "auth-service",
          "snack-service",
          "reaction-service",
          "order-service",
          "statistics-service",
          "gateway");

  /**
   * Copies what {@code ./suite up} with {@code SNACK_SKIP_BUILD=1} runs into the state folder, as
   * the same paths under it: the script, the runner's jar and {@code kafka-libs}, and each
   * service's jar ({@code <service>/target/<service>-<version>.jar}). A jar caught half-written by
   * a build is copied again (after a pause) until it reads as a whole zip file.
   *
   * @return the bytes copied
   */
  long copyBuiltTree() {
    List<Path> files = new ArrayList<>();
    files.add(Path.of(SUITE_SCRIPT));
    files.add(Path.of(RUNNER_TARGET, "local-runner.jar"));
    files.addAll(listed(Path.of(RUNNER_TARGET, "kafka-libs"), name -> name.endsWith(".jar")));
    for (String service : services().keySet()) {
      files.addAll(
          listed(
              Path.of(service, "target"),
              name -> name.startsWith(service + "-") && name.endsWith(".jar")));
    }
    long bytes = 0;
    for (Path file : files) {
      bytes += copy(root.resolve(file), runDir.resolve(file));
    }
    return bytes;
  }

  private List<Path> listed(Path dir, java.util.function.Predicate<String> wanted) {
    if (!Files.isDirectory(root.resolve(dir))) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(root.resolve(dir))) {
      return entries
          .map(path -> path.getFileName().toString())
          .filter(wanted)
          .sorted()
          .map(dir::resolve)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long copy(Path from, Path to) {
    for (int attempt = 1; ; attempt++) {
      try {
        Files.createDirectories(to.getParent());
        Files.copy(
            from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        if (to.toString().endsWith(".jar")) {
          new ZipFile(to.toFile()).close();
        }
        return Files.size(to);
      } catch (IOException e) {
        if (attempt == 5) {
          throw new UncheckedIOException("Could not copy a whole " + from, e);
        }
        System.out.println(
            "[bench] " + from + " is being rebuilt (" + e.getMessage() + "); copying it again");
        try {
          Thread.sleep(10_000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", interrupted);
        }
      }
    }
  }

  /** {@code <dir>/suite <command>} with the benchmark's environment. */
  private void suite(Path dir, String command) {
    ProcessBuilder builder =
        new ProcessBuilder(dir.resolve(SUITE_SCRIPT).toString(), command)
            .directory(dir.toFile())
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
