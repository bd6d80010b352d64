package com.snackmanager.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The whole suite, started once per test run exactly as {@code ./suite up} starts it (the local
 * runner jar: embedded PostgreSQL and Redis, a standalone Kafka broker, every service as its own
 * process), on free ports and in its own state folder so it can run beside a developer's suite.
 * Stopped with SIGTERM when the test JVM exits.
 */
final class RunningSuite {

  static final String ADMIN_EMAIL = "e2e-admin@snack.local";
  static final String ADMIN_PASSWORD = "e2e-admin-password";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  /** The local runner's management port of a service: its API port + 1000 (ServiceTable). */
  private static final int MANAGEMENT_PORT_SHIFT = 1000;

  private static RunningSuite instance;

  private final int gatewayPort;
  private final int portOffset;
  private final Path runDir;

  private RunningSuite(int gatewayPort, int portOffset, Path runDir) {
    this.gatewayPort = gatewayPort;
    this.portOffset = portOffset;
    this.runDir = runDir;
  }

  static synchronized RunningSuite get() {
    if (instance == null) {
      instance = start();
    }
    return instance;
  }

  String gateway() {
    return "http://127.0.0.1:" + gatewayPort;
  }

  /** A service's own address, for comparing straight-to-service with through-the-gateway. */
  String service(int defaultPort) {
    return "http://127.0.0.1:" + (defaultPort + portOffset);
  }

  /**
   * A service's management address (actuator: probes, {@code /actuator/prometheus}), by its default
   * API port: the local runner puts each service's management port 1000 above its API port (8084 →
   * 9084, then shifted like the API port); the API port answers 404 under {@code /actuator}.
   */
  String management(int defaultPort) {
    return "http://127.0.0.1:" + (defaultPort + MANAGEMENT_PORT_SHIFT + portOffset);
  }

  /**
   * The pid of one of the suite's processes ({@code postgres} (the postmaster), {@code kafka},
   * {@code redis}, {@code auth-service}, ...), from the runner's {@code pids} file.
   */
  long pid(String name) {
    return Long.parseLong(runningProcess(name)[1]);
  }

  /**
   * The address one of the suite's processes serves at, from the runner's {@code pids} file: the
   * Kafka bootstrap servers for {@code kafka}, the JDBC URL for {@code postgres}.
   */
  String address(String name) {
    return runningProcess(name)[2];
  }

  /** The runner's {@code name pid address} line of {@code name}. */
  private String[] runningProcess(String name) {
    try (Stream<String> lines = Files.lines(runDir.resolve("pids"))) {
      return lines
          .map(line -> line.split(" ", 3))
          .filter(fields -> fields.length == 3 && fields[0].equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("The suite runs no " + name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A process's log file ({@code auth-service}, {@code statistics-service}, ...). */
  Path log(String name) {
    return runDir.resolve("logs").resolve(name + ".log");
  }

  private static RunningSuite start() {
    Path root = Path.of("").toAbsolutePath().getParent();
    Path runner = root.resolve("infra/local-runner/target/local-runner.jar");
    if (!Files.isRegularFile(runner)) {
      throw new IllegalStateException("No " + runner + ": run the tests through ./mvnw verify");
    }
    Path runDir = Path.of("target/suite").toAbsolutePath();
    deleteRecursively(runDir);
    int offset = freeServiceOffset();
    ProcessBuilder builder =
        new ProcessBuilder(javaBinary(), "-Xmx256m", "-jar", runner.toString(), root.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    env.put("SNACK_RUN_DIR", runDir.toString());
    env.put("SNACK_PORT_OFFSET", Integer.toString(offset));
    env.put("SNACK_PG_PORT", Integer.toString(freePort()));
    env.put("SNACK_REDIS_PORT", Integer.toString(freePort()));
    int kafka = freePort();
    env.put("SNACK_KAFKA_PORT", Integer.toString(kafka));
    env.put("SNACK_KAFKA_CONTROLLER_PORT", Integer.toString(freePort()));
    env.put("SNACK_ADMIN_EMAIL", ADMIN_EMAIL);
    env.put("SNACK_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("SNACK_DEMO_DATA", "false"); // the tests register the fixture snacks themselves
    // many logins in little time: the tests exercise the gateway's own limit separately
    env.put("SNACK_RATE_LIMIT_TOKEN_LIMIT", "1000");
    env.put("SNACK_RATE_LIMIT_TOKEN_BURST", "1000");
    // every test sends from 127.0.0.1, so without a token they share one anonymous bucket (20/s,
    // burst 40) that earlier tests may have drained; the gateway's own tests enforce that limit
    env.put("SNACK_RATE_LIMIT_ANONYMOUS_LIMIT", "1000");
    env.put("SNACK_RATE_LIMIT_ANONYMOUS_BURST", "1000");
    // one log line per consumed event, with its trace id (ObservabilityIT follows a trace by them)
    env.put("LOGGING_LEVEL_COM_SNACKMANAGER_EVENTS", "DEBUG");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the local runner", e);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  process.destroy();
                  try {
                    if (!process.waitFor(60, TimeUnit.SECONDS)) {
                      process.destroyForcibly();
                    }
                  } catch (InterruptedException ignored) {
                    process.destroyForcibly();
                  }
                },
                "e2e-suite-stop"));
    awaitReady(process, runDir);
    return new RunningSuite(8080 + offset, offset, runDir);
  }

  private static void awaitReady(Process process, Path runDir) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(runDir.resolve("ready"))) {
        return;
      }
      if (Files.exists(runDir.resolve("failed")) || !process.isAlive()) {
        throw new IllegalStateException(
            "The suite did not start:\n" + read(runDir.resolve("failed")));
      }
      try {
        process.waitFor(500, TimeUnit.MILLISECONDS); // poll interval, cut short if it dies
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("The suite was not ready after " + START_TIMEOUT);
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "(the runner exited; see its logs)";
    } catch (IOException e) {
      return e.toString();
    }
  }

  /**
   * An offset that puts all six service ports (8080-8085 shifted) and their management ports
   * (9080-9085 shifted) on free ports.
   */
  private static int freeServiceOffset() {
    for (int offset = 20000; offset < 40000; offset += 1000) {
      int shift = offset;
      if (IntStream.rangeClosed(8080, 8085)
          .allMatch(port -> isFree(port + shift) && isFree(port + MANAGEMENT_PORT_SHIFT + shift))) {
        return offset;
      }
    }
    throw new IllegalStateException("No free block of service ports found");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
