package com.snackmanager.runner;

import com.snackmanager.runner.ServiceTable.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Starts one service jar as its own JVM and waits until its readiness probe answers 200. */
final class ServiceProcess {

  /** Where the infrastructure is, as every service is told. */
  record Endpoints(String jdbcUrl, String redisUrl, String kafkaBootstrap, Path signingKey) {}

  /**
   * Every service's JVM. The young generation is fixed at 64 MiB (Serial GC sizes it at a third of
   * the heap, 128 MiB, which every JVM touches in full as it allocates, while a service keeps about
   * 40 MiB alive); the heap may still grow to 384 MiB.
   */
  static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-Xmn64m", "-XX:+UseSerialGC");

  /**
   * glibc gives each thread that mallocs its own arena (up to eight per core), most of them touched
   * only a little: two arenas are enough for a JVM, whose heap, Netty buffers and code are not
   * malloc'ed.
   */
  static final Map<String, String> NATIVE_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

  static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  static final Duration STOP_GRACE = Duration.ofSeconds(20);

  /**
   * For a JVM that writes its class data archive as it exits: a few seconds on a quiet machine,
   * over 20 s when all services write theirs at once on a busy one (killed, it writes none).
   */
  static final Duration STOP_GRACE_WRITING_ARCHIVE = Duration.ofSeconds(50);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ServiceProcess() {}

  /** The variables a service gets on top of the runner's own environment. */
  static Map<String, String> environment(
      Service service, Endpoints endpoints, RunnerSettings settings) {
    Map<String, String> env = new LinkedHashMap<>(NATIVE_ENVIRONMENT);
    env.put("SERVER_PORT", Integer.toString(service.port()));
    // actuator on a port of its own (the API port answers 404 there)
    env.put("MANAGEMENT_SERVER_PORT", Integer.toString(service.managementPort()));
    service
        .database()
        .ifPresent(
            database -> {
              env.put("SNACK_DB_URL", endpoints.jdbcUrl());
              env.put("SNACK_DB_USER", database.role());
              env.put("SNACK_DB_PASSWORD", database.password());
            });
    env.put("SNACK_REDIS_URL", endpoints.redisUrl());
    env.put("SNACK_KAFKA_BOOTSTRAP", endpoints.kafkaBootstrap());
    env.put("SNACK_ADMIN_EMAIL", settings.adminEmail());
    env.put("SNACK_ADMIN_PASSWORD", settings.adminPassword());
    env.put("SNACK_JWT_PRIVATE_KEY_FILE", endpoints.signingKey().toString());
    // where every other service is (the gateway routes there; everybody reads the auth JWKS)
    for (Service other : ServiceTable.inStartOrder(settings.portOffset())) {
      env.put(other.urlVariable(), "http://127.0.0.1:" + other.port());
    }
    env.put(
        "SNACK_JWKS_URI",
        env.get(ServiceTable.find("auth-service").orElseThrow().urlVariable()) + "/auth/jwks/");
    return env;
  }

  static List<String> command(Path java, Path jar, List<String> extraJvmOptions) {
    return command(java, ClassDataSharing.Launch.plain(jar), extraJvmOptions);
  }

  static List<String> command(
      Path java, ClassDataSharing.Launch launch, List<String> extraJvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(launch.jvmOptions());
    command.addAll(extraJvmOptions); // later options win, so these can override the defaults
    command.add("-jar");
    command.add(launch.jar().toString());
    return command;
  }

  /**
   * Moves last run's log aside and makes the service ready to launch: from its extracted jar with
   * class data sharing (the extraction's output goes to the top of the service's log), or from its
   * fat jar when {@code SNACK_CDS=false} or anything about CDS fails.
   */
  static ClassDataSharing.Launch prepare(
      Service service, Path jar, RunnerSettings settings, ServiceJava jdk) {
    Path log = ChildProcess.freshLog(settings.log(service.name()));
    return settings.classDataSharing()
        ? ClassDataSharing.prepare(service.name(), jar, jdk, log)
        : ClassDataSharing.Launch.plain(jar);
  }

  /** Starts a prepared service; its output is appended to its log. */
  static ChildProcess start(
      Service service,
      ClassDataSharing.Launch launch,
      Endpoints endpoints,
      RunnerSettings settings,
      ServiceJava jdk) {
    return ChildProcess.start(
        service.name(),
        command(
            jdk.java(),
            launch,
            Stream.of(jdk.quietOptions(), jdk.memoryOptions(), settings.serviceJavaOpts())
                .flatMap(List::stream)
                .toList()),
        environment(service, endpoints, settings),
        settings.root(),
        settings.log(service.name()));
  }

  /**
   * Polls {@code /actuator/health/readiness} on the service's management port until it answers 200;
   * fails with the end of the log if the process dies, the timeout passes or {@code cancelled}
   * turns true.
   */
  static void awaitReady(ChildProcess child, int managementPort, BooleanSupplier cancelled) {
    URI probe = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
    HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(3)).build();
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (true) {
      if (!child.isAlive()) {
        throw new IllegalStateException(
            child.name()
                + " exited (code "
                + child.process().exitValue()
                + ") before it was ready. Last lines of its log:\n"
                + child.tail(40));
      }
      if (cancelled.getAsBoolean()) {
        throw new IllegalStateException("start-up cancelled while waiting for " + child.name());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            child.name()
                + " was not ready after "
                + READY_TIMEOUT.toSeconds()
                + " s ("
                + probe
                + "). Last lines of its log:\n"
                + child.tail(40));
      }
      try {
        if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + child.name(), e);
      }
      child.waitForExit(Duration.ofSeconds(1)); // the poll interval, cut short if it dies
    }
  }
}
