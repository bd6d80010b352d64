package com.snackmanager.runner;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import redis.embedded.RedisServer;

/**
 * PostgreSQL from zonky's embedded binaries (on a data directory that is kept between runs) and
 * Redis from embedded-redis's {@code redis-server} binary (no persistence), both on loopback.
 */
final class EmbeddedInfrastructure {

  static final String POSTGRES_ADMIN = "postgres";
  static final Duration REDIS_READY_TIMEOUT = Duration.ofSeconds(30);
  static final String REDIS_MAX_MEMORY = "256mb";
  static final String REDIS_EVICTION = "volatile-ttl";
  static final Duration REDIS_STOP_GRACE = Duration.ofSeconds(10);

  private EmbeddedInfrastructure() {}

  /**
   * Starts PostgreSQL on {@code port} with {@code dataDir}, running initdb only if the directory
   * holds no cluster yet. zonky's own shutdown hook is off: the supervisor decides the order.
   *
   * <p>Durable, unlike zonky's defaults (which pass {@code -F}, fsync off, and {@code
   * synchronous_commit=off}): the data directory outlives the run, so a crash of the machine must
   * not lose a committed write or corrupt the cluster. The reaction-service's group commit keeps
   * the fsyncs few. ({@code -c fsync=on} follows zonky's {@code -F} on the command line and wins.)
   */
  static EmbeddedPostgres startPostgres(Path dataDir, int port, Path log) {
    try {
      Files.createDirectories(dataDir.getParent());
      return EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(false)
          .setPort(port)
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setPGStartupWait(Duration.ofSeconds(60))
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("Could not start PostgreSQL: " + e.getMessage(), e);
    }
  }

  /**
   * The JDBC URL the services get. Built by hand: zonky's {@code getJdbcUrl} adds {@code ?user=},
   * which would override the role a service logs in with.
   */
  static String jdbcUrl(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** The postmaster's pid from {@code postmaster.pid}, if it is running. */
  static OptionalLong postgresPid(Path dataDir) {
    try {
      List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
      return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0)));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  static void stopPostgres(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts the {@code redis-server} binary that embedded-redis ships, as a plain child process (not
   * through {@code RedisServer.start()}, whose JVM shutdown hook would stop Redis before the
   * services that use it), and waits until it answers PING.
   */
  static ChildProcess startRedis(int port, Path workDir, Path log) {
    List<String> command;
    try {
      command =
          RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              // the suite's memory budget: when full, only keys with a time to live are evicted
              // (sign-in throttles, rate-limit buckets), never the reaction sets
              // (docs/decisions.md)
              .setting("maxmemory " + REDIS_MAX_MEMORY)
              .setting("maxmemory-policy " + REDIS_EVICTION)
              .buildCommandArgs();
    } catch (IOException e) {
      throw new IllegalStateException("Could not prepare redis-server: " + e.getMessage(), e);
    }
    ChildProcess redis = ChildProcess.start("redis", command, Map.of(), workDir, log);
    Instant deadline = Instant.now().plus(REDIS_READY_TIMEOUT);
    while (!answersPing(port)) {
      if (!redis.isAlive() || Instant.now().isAfter(deadline)) {
        redis.stop(REDIS_STOP_GRACE);
        throw new IllegalStateException(
            "redis-server did not answer PING on port "
                + port
                + ". Last lines of its log:\n"
                + redis.tail(20));
      }
      redis.waitForExit(Duration.ofMillis(100));
    }
    return redis;
  }

  static boolean answersPing(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      return "+PONG".equals(in.readLine());
    } catch (IOException e) {
      return false;
    }
  }
}
