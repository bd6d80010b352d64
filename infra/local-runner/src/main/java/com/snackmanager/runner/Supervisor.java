package com.snackmanager.runner;

import com.snackmanager.runner.ServiceProcess.Endpoints;
import com.snackmanager.runner.ServiceTable.Service;
import com.snackmanager.testsupport.SchemaInstaller;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The runner's entry point: starts PostgreSQL, Redis, Kafka and the services in order, writes
 * {@code .run/ready} (or {@code .run/failed} with the reason) and then supervises until SIGTERM,
 * when a shutdown hook stops everything in reverse order.
 *
 * <p>Usage: {@code java -jar local-runner.jar [project-root]} (default: the working directory).
 */
public final class Supervisor {

  static final String SWAGGER_PATH = "/api/schema/swagger-ui/";
  private static final Duration WAIT_FOR_START_ON_SHUTDOWN = Duration.ofSeconds(30);

  /**
   * Something started, stopped in reverse order of starting; services (which need nothing of each
   * other to stop) are stopped together.
   */
  private record Running(String name, long pid, String address, Runnable stop, boolean service) {}

  private final RunnerSettings settings;
  private volatile ServiceJava jdk; // chosen at start
  private final Deque<Running> running = new ArrayDeque<>();
  private final List<String> report = new ArrayList<>();
  private final CountDownLatch startFinished = new CountDownLatch(1);
  private final Map<String, CompletableFuture<ClassDataSharing.Launch>> launches =
      new LinkedHashMap<>();
  private volatile boolean stopping;
  private volatile boolean ready;
  private volatile boolean stoppedAll;

  Supervisor(RunnerSettings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws InterruptedException {
    Path root = Path.of(args.length > 0 ? args[0] : "");
    Supervisor supervisor = new Supervisor(RunnerSettings.from(root, System.getenv()));
    Runtime.getRuntime().addShutdownHook(new Thread(supervisor::shutdown, "suite-shutdown"));
    if (!supervisor.start()) {
      System.exit(1);
    }
    new CountDownLatch(1).await(); // supervise until SIGTERM runs the shutdown hook
  }

  /** Starts everything; on failure stops what was started and writes {@code .run/failed}. */
  boolean start() {
    try {
      prepareRunDirectory();
      jdk =
          ServiceJava.choose(settings.serviceJavaHome(), Path.of(System.getProperty("java.home")));
      Log.info(
          "starting the suite in "
              + settings.root()
              + " (pid "
              + ProcessHandle.current().pid()
              + "); the services and Kafka run on "
              + jdk);
      List<Service> services = servicesToStart();
      checkPortsAreFree(services);
      // a new build's jars are extracted (ClassDataSharing) while the infrastructure starts
      prepareLaunches(services);
      Endpoints endpoints = startInfrastructure();
      for (List<Service> wave : ServiceTable.waves(services)) {
        startWave(wave, endpoints);
      }
      writeAtomically(settings.readyFile(), summary());
      ready = true;
      Log.info("the suite is ready\n" + summary());
      return true;
    } catch (RuntimeException e) {
      String reason = e.getMessage() != null ? e.getMessage() : e.toString();
      if (stopping) {
        Log.info("start-up interrupted: " + reason);
        return true; // the shutdown hook is stopping what was started
      }
      Log.info("START-UP FAILED: " + reason);
      e.printStackTrace(System.out);
      stopAll();
      writeAtomically(settings.failedFile(), reason + "\n");
      return false;
    } finally {
      startFinished.countDown();
    }
  }

  /** The shutdown hook: lets a running start-up notice, then stops everything. */
  void shutdown() {
    if (stoppedAll) {
      return; // start-up failed and already stopped everything
    }
    stopping = true;
    Log.info("stopping the suite");
    try {
      startFinished.await(WAIT_FOR_START_ON_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopAll();
    Log.info("the suite is stopped");
  }

  private void prepareRunDirectory() {
    try {
      if (!Files.exists(settings.runDir())) {
        Files.createDirectories(
            settings.runDir(),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      Files.createDirectories(settings.logs());
      Files.deleteIfExists(settings.readyFile());
      Files.deleteIfExists(settings.failedFile());
      Files.writeString(settings.runnerPidFile(), ProcessHandle.current().pid() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Service> servicesToStart() {
    String version = ServiceTable.suiteVersion();
    settings
        .services()
        .ifPresent(
            names ->
                names.stream()
                    .filter(name -> !name.equals("none") && ServiceTable.find(name).isEmpty())
                    .findFirst()
                    .ifPresent(
                        unknown -> {
                          throw new IllegalArgumentException(
                              "SNACK_SERVICES names an unknown service: " + unknown);
                        }));
    List<Service> toStart = new ArrayList<>();
    for (Service service : ServiceTable.inStartOrder(settings.portOffset())) {
      Path jar = service.jar(settings.root(), version);
      if (!settings.wants(service.name())) {
        skip(service, "not in SNACK_SERVICES");
      } else if (!Files.isRegularFile(jar)) {
        skip(service, "no jar at " + settings.root().relativize(jar) + " (build it first)");
      } else {
        toStart.add(service);
      }
    }
    return toStart;
  }

  private void skip(Service service, String reason) {
    Log.info(service.name() + ": skipped, " + reason);
    report.add(String.format("  %-19s skipped: %s", service.name(), reason));
  }

  private void checkPortsAreFree(List<Service> services) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    if (settings.externalDbUrl().isEmpty()) {
      ports.put("PostgreSQL (SNACK_PG_PORT)", settings.postgresPort());
    }
    if (settings.externalRedisUrl().isEmpty()) {
      ports.put("Redis (SNACK_REDIS_PORT)", settings.redisPort());
    }
    if (settings.externalKafkaBootstrap().isEmpty()) {
      ports.put("Kafka (SNACK_KAFKA_PORT)", settings.kafkaPort());
      ports.put(
          "the Kafka controller (SNACK_KAFKA_CONTROLLER_PORT)", settings.kafkaControllerPort());
    }
    services.forEach(
        service -> {
          ports.put(service.name(), service.port());
          ports.put(service.name() + "'s management", service.managementPort());
        });
    ports.forEach(
        (what, port) -> {
          if (!isFree(port)) {
            throw new IllegalStateException(
                "Port "
                    + port
                    + " for "
                    + what
                    + " is in use: is another suite or service running?");
          }
        });
  }

  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private Endpoints startInfrastructure() {
    String jdbcUrl;
    if (settings.externalDbUrl().isPresent()) {
      jdbcUrl = settings.externalDbUrl().get();
      if (settings.dbAdminUser().isPresent()) {
        SchemaInstaller.install(jdbcUrl, settings.dbAdminUser().get(), settings.dbAdminPassword());
        Log.info("installed the service schemas into " + jdbcUrl);
      } else {
        Log.info("SNACK_DB_ADMIN_USER not set: assuming the schemas and roles exist in " + jdbcUrl);
      }
      report.add(String.format("  %-19s external: %s", "postgres", jdbcUrl));
    } else {
      jdbcUrl = startPostgres();
    }

    checkNotStopping();
    String redisUrl;
    if (settings.externalRedisUrl().isPresent()) {
      redisUrl = settings.externalRedisUrl().get();
      report.add(String.format("  %-19s external: %s", "redis", redisUrl));
    } else {
      Log.info("starting Redis on port " + settings.redisPort());
      ChildProcess redis =
          EmbeddedInfrastructure.startRedis(
              settings.redisPort(),
              settings.runDir(),
              ChildProcess.freshLog(settings.log("redis")));
      redisUrl = "redis://127.0.0.1:" + settings.redisPort();
      register("redis", redis, redisUrl, () -> redis.stop(EmbeddedInfrastructure.REDIS_STOP_GRACE));
    }

    checkNotStopping();
    String kafkaBootstrap;
    if (settings.externalKafkaBootstrap().isPresent()) {
      kafkaBootstrap = settings.externalKafkaBootstrap().get();
      report.add(String.format("  %-19s external: %s", "kafka", kafkaBootstrap));
    } else {
      Log.info("starting Kafka on port " + settings.kafkaPort());
      KafkaBroker kafka =
          KafkaBroker.start(
              KafkaBroker.defaultLibs(),
              settings.kafkaDir(),
              settings.kafkaPort(),
              settings.kafkaControllerPort(),
              ChildProcess.freshLog(settings.log("kafka")),
              jdk.java(),
              () -> stopping);
      kafkaBootstrap = kafka.bootstrap();
      register("kafka", kafka.process(), kafkaBootstrap, kafka::stop);
    }
    return new Endpoints(
        jdbcUrl, redisUrl, kafkaBootstrap, SigningKey.ensure(settings.signingKey()));
  }

  private String startPostgres() {
    Log.info(
        "starting PostgreSQL on port "
            + settings.postgresPort()
            + ", data in "
            + settings.postgresData());
    EmbeddedPostgres postgres =
        EmbeddedInfrastructure.startPostgres(
            settings.postgresData(),
            settings.postgresPort(),
            ChildProcess.freshLog(settings.log("postgres")));
    String jdbcUrl = EmbeddedInfrastructure.jdbcUrl(settings.postgresPort());
    long pid = EmbeddedInfrastructure.postgresPid(settings.postgresData()).orElse(-1);
    register("postgres", pid, jdbcUrl, () -> EmbeddedInfrastructure.stopPostgres(postgres));
    SchemaInstaller.install(
        jdbcUrl, EmbeddedInfrastructure.POSTGRES_ADMIN, EmbeddedInfrastructure.POSTGRES_ADMIN);
    Log.info("PostgreSQL is up; the service schemas and roles are installed");
    return jdbcUrl;
  }

  /**
   * Prepares every service's launch in the background (two at a time): checking the class data
   * sharing cache is instant, extracting a new build's jar takes a second or two of CPU.
   */
  private void prepareLaunches(List<Service> services) {
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, "prepare-launch");
              thread.setDaemon(true);
              return thread;
            });
    String version = ServiceTable.suiteVersion();
    for (Service service : services) {
      Path jar = service.jar(settings.root(), version);
      launches.put(
          service.name(),
          CompletableFuture.supplyAsync(
              () -> ServiceProcess.prepare(service, jar, settings, jdk), executor));
    }
    executor.shutdown();
  }

  /**
   * Starts the services of one wave at once (they need nothing of each other to start), then waits
   * until each is ready: on two cores five JVMs starting together are ready in about half the time
   * they take one after another.
   */
  private void startWave(List<Service> wave, Endpoints endpoints) {
    List<ChildProcess> children = new ArrayList<>();
    List<AtomicBoolean> readiness = new ArrayList<>();
    for (Service service : wave) {
      checkNotStopping();
      ClassDataSharing.Launch launch = launches.get(service.name()).join();
      Log.info(
          "starting "
              + service.name()
              + " on port "
              + service.port()
              + " from "
              + launch.jar()
              + " ("
              + ClassDataSharing.describe(launch)
              + ")");
      ChildProcess child = ServiceProcess.start(service, launch, endpoints, settings, jdk);
      AtomicBoolean wasReady = new AtomicBoolean();
      registerService(
          service.name(),
          child,
          url(service),
          () -> {
            child.stop(
                launch.writesArchive()
                    ? ServiceProcess.STOP_GRACE_WRITING_ARCHIVE
                    : ServiceProcess.STOP_GRACE);
            if (!child.isAlive()) {
              launch.finish(wasReady.get(), child.process().exitValue());
            }
          });
      children.add(child);
      readiness.add(wasReady);
    }
    for (int i = 0; i < wave.size(); i++) {
      Service service = wave.get(i);
      ServiceProcess.awaitReady(children.get(i), service.managementPort(), () -> stopping);
      readiness.get(i).set(true);
      Log.info(service.name() + " is ready at " + url(service));
    }
  }

  private static String url(Service service) {
    return "http://127.0.0.1:" + service.port();
  }

  private void checkNotStopping() {
    if (stopping) {
      throw new IllegalStateException("start-up cancelled by shutdown");
    }
  }

  private void register(String name, ChildProcess child, String address, Runnable stop) {
    register(name, child, address, stop, false);
  }

  private void registerService(String name, ChildProcess child, String address, Runnable stop) {
    register(name, child, address, stop, true);
  }

  private void register(
      String name, ChildProcess child, String address, Runnable stop, boolean service) {
    register(name, child.pid(), address, stop, service);
    child
        .process()
        .onExit()
        .thenAccept(
            process -> {
              if (ready && !stopping) { // during start-up, the start-up reports it
                Log.info(
                    name
                        + " exited unexpectedly (code "
                        + process.exitValue()
                        + "); see "
                        + settings.log(name));
              }
            });
  }

  private void register(String name, long pid, String address, Runnable stop) {
    register(name, pid, address, stop, false);
  }

  private synchronized void register(
      String name, long pid, String address, Runnable stop, boolean service) {
    if (stoppedAll) { // the shutdown hook already ran: do not leave this one behind
      stop.run();
      throw new IllegalStateException("start-up cancelled");
    }
    running.push(new Running(name, pid, address, stop, service));
    writePids();
  }

  private synchronized void stopAll() {
    stopping = true;
    while (!running.isEmpty()) {
      List<Running> together = new ArrayList<>();
      together.add(running.peek());
      if (running.peek().service()) {
        running.stream().skip(1).takeWhile(Running::service).forEach(together::add);
      }
      List<Thread> stoppers = new ArrayList<>();
      for (Running next : together) {
        Log.info("stopping " + next.name() + " (pid " + next.pid() + ")");
        Thread stopper = new Thread(() -> stop(next), "stop-" + next.name());
        stopper.start();
        stoppers.add(stopper);
      }
      for (Thread stopper : stoppers) {
        try {
          stopper.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      together.forEach(stopped -> running.pop());
      writePids();
    }
    stoppedAll = true;
    try {
      Files.deleteIfExists(settings.readyFile());
      Files.deleteIfExists(settings.pidsFile());
    } catch (IOException e) {
      Log.info("could not clean up " + settings.runDir() + ": " + e.getMessage());
    }
  }

  private static void stop(Running next) {
    try {
      next.stop().run();
    } catch (RuntimeException e) {
      Log.info("could not stop " + next.name() + " cleanly: " + e.getMessage());
    }
  }

  /** {@code .run/pids}: one {@code name pid address} line per running process, oldest first. */
  private void writePids() {
    StringBuilder pids = new StringBuilder();
    running
        .descendingIterator()
        .forEachRemaining(
            r ->
                pids.append(r.name())
                    .append(' ')
                    .append(r.pid())
                    .append(' ')
                    .append(r.address())
                    .append('\n'));
    writeAtomically(settings.pidsFile(), pids.toString());
  }

  private String summary() {
    int gatewayPort =
        ServiceTable.find("gateway").map(Service::port).orElse(8080) + settings.portOffset();
    boolean gatewayUp = running.stream().anyMatch(r -> r.name().equals("gateway"));
    String gateway = "http://localhost:" + gatewayPort;
    String notStarted = gatewayUp ? "" : "   (gateway not started, see below)";
    StringBuilder text = new StringBuilder();
    text.append("Snack Manager is running.\n\n");
    text.append("  Gateway      ").append(gateway).append(notStarted).append('\n');
    text.append("  Swagger UI   ")
        .append(gateway)
        .append(SWAGGER_PATH)
        .append(notStarted)
        .append('\n');
    text.append("  Admin        ")
        .append(settings.adminEmail())
        .append(" / ")
        .append(settings.adminPassword())
        .append('\n');
    text.append("  Logs         ").append(settings.logs()).append("   (./suite logs [name])\n");
    text.append("  Stop         ./suite down\n\n");
    running
        .descendingIterator()
        .forEachRemaining(
            r ->
                text.append(
                    String.format("  %-19s pid %-8d %s%n", r.name(), r.pid(), r.address())));
    report.forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }

  private static void writeAtomically(Path file, String content) {
    try {
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temp, content);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
