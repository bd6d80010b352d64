package com.snackmanager.bench;

import com.snackmanager.bench.data.DataGenerator;
import com.snackmanager.bench.data.DataShape;
import com.snackmanager.bench.data.Pools;
import com.snackmanager.bench.http.Http;
import com.snackmanager.bench.http.Tokens;
import com.snackmanager.bench.report.Measurement;
import com.snackmanager.bench.report.Report;
import com.snackmanager.bench.scenario.Context;
import com.snackmanager.bench.scenario.Scenarios;
import com.snackmanager.bench.suite.BenchSuite;
import com.snackmanager.bench.suite.CpuSampler;
import com.snackmanager.bench.suite.Footprint;
import com.snackmanager.bench.suite.MachineSpeed;
import com.snackmanager.bench.wrk.Wrk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./benchmark}: starts the suite on its own ports (timing {@code ./suite up}), checks that
 * its PostgreSQL is durable, loads the data set, measures the scenarios of issues 7 and 13 with wrk
 * on loopback, prints the summary table and writes it, with every wrk run's raw output, to {@code
 * infra/benchmarks/target/bench-<time>/}. Stops the suite at the end unless {@code
 * BENCH_KEEP_RUNNING=1}. Exit code 0 when the run completed (whether or not the targets were met),
 * 1 when it could not.
 *
 * <p>Usage: {@code java -jar benchmarks.jar [project-root]}; settings in {@link BenchSettings}.
 */
public final class Benchmark {

  /** Issue 13's footprint targets: {@code ./suite up} of a built tree, and the suite's memory. */
  static final double SUITE_UP_TARGET_SECONDS = 45;

  static final double SUITE_MEMORY_TARGET_MIB = 2.5 * 1024;

  private final BenchSettings settings;
  private final BenchSuite suite;
  private final Report report;
  private final Path results;
  private final AtomicBoolean suiteStopped = new AtomicBoolean();

  Benchmark(BenchSettings settings) {
    this.settings = settings;
    this.suite = new BenchSuite(settings.root());
    LocalDateTime started = LocalDateTime.now();
    this.report =
        new Report(
            "Benchmark run of "
                + started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)));
    this.results =
        settings
            .resultsRoot()
            .resolve(
                "bench-"
                    + started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
  }

  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : "");
    Benchmark benchmark = new Benchmark(BenchSettings.from(root, System.getenv()));
    // Ctrl-C: the suite is stopped all the same
    Runtime.getRuntime().addShutdownHook(new Thread(benchmark::stopSuite, "bench-suite-stop"));
    System.exit(benchmark.run());
  }

  /** Stops the suite once, unless it is to keep running. */
  void stopSuite() {
    if (!settings.keepRunning() && suiteStopped.compareAndSet(false, true)) {
      suite.down();
    }
  }

  int run() {
    Path workDir = createDirectories();
    Duration speedAtStart = MachineSpeed.calibrate();
    MachineSpeed.CpuTicks ticksAtStart = MachineSpeed.CpuTicks.read();
    describeConditions(speedAtStart);
    boolean completed = false;
    try {
      Context.log("starting the suite (./suite up, state in " + suite.runDir() + ")");
      BenchSuite.StartUp suiteUp = suite.up();
      Context.log(
          String.format(
              Locale.ROOT,
              "./suite up took %.1f s (the first start of the build %.1f s)",
              suiteUp.again().toMillis() / 1000.0,
              suiteUp.first().toMillis() / 1000.0));
      List<Footprint.Entry> afterStart = Footprint.read(suite.runDir());
      measure(workDir);
      machineAtEnd(speedAtStart, ticksAtStart);
      List<Footprint.Entry> atEnd = Footprint.read(suite.runDir());
      report.footprint(afterStart, atEnd);
      footprint(suiteUp, afterStart, atEnd);
      completed = true;
    } catch (Exception e) {
      Context.log("the run stopped: " + e);
      e.printStackTrace(System.out);
      report.note("The run stopped early: " + e.getMessage());
    } finally {
      report.write(results.resolve("summary.md"));
      System.out.println();
      System.out.println(report.markdown());
      System.out.println("Results: " + results);
      if (settings.keepRunning()) {
        System.out.println(
            "The suite keeps running (BENCH_KEEP_RUNNING=1): gateway "
                + suite.gateway()
                + "; stop it with SNACK_RUN_DIR=.run-bench ./suite down");
      }
      stopSuite();
      deleteRecursively(workDir);
    }
    return completed ? 0 : 1;
  }

  private void measure(Path workDir) throws Exception {
    try (Connection db =
        DriverManager.getConnection(suite.jdbcUrl(), suite.dbUser(), suite.dbPassword())) {
      boolean durable = durability(db);
      DataShape shape = DataShape.of(settings.scale());
      Pools pools = new Pools(shape);
      Context.log(
          String.format(
              Locale.ROOT,
              "loading %,d members, %,d snacks, %,d reactions, %,d orders",
              shape.members(),
              shape.snacks(),
              shape.reactions(),
              shape.orders()));
      List<DataGenerator.Step> steps =
          DataGenerator.load(db, shape, Instant.now(), ZoneId.of(settings.businessZone()));
      report.load(steps);
      double loadSeconds = steps.stream().mapToLong(step -> step.took().toMillis()).sum() / 1000.0;
      Context.log(String.format(Locale.ROOT, "data loaded in %.1f s", loadSeconds));
      report.add(
          Measurement.info(
              0,
              "Data set loaded over JDBC (the services running)",
              String.format(
                  Locale.ROOT,
                  "%,d members, %,d snacks, %,d reactions, %,d orders in %.1f s",
                  shape.members(),
                  shape.snacks(),
                  shape.reactions(),
                  shape.orders(),
                  loadSeconds)));

      Http http = new Http();
      List<Long> tokenIds = pools.tokenMemberIds(db);
      Tokens tokens =
          Tokens.login(
              http,
              suite.authService(),
              pools.tokenMembers(),
              Pools::memberEmail,
              DataGenerator.PASSWORD);
      Path tokensFile = tokens.write(workDir.resolve("tokens.txt"));
      String admin =
          http.login(suite.authService(), BenchSuite.ADMIN_EMAIL, BenchSuite.ADMIN_PASSWORD);
      Context.log(tokens.size() + " members and the admin logged in");

      Wrk wrk = new Wrk(workDir, results, settings.threads(), settings.connections());
      CpuSampler cpu = new CpuSampler(suite.runDir());
      report.ticksPerSecond(cpu.ticksPerSecond());
      Scenarios.runAll(
          new Context(
              settings,
              suite,
              db,
              pools,
              http,
              tokens,
              tokensFile,
              tokenIds,
              admin,
              wrk,
              report,
              workDir,
              cpu,
              durable,
              new AtomicBoolean()));
    }
  }

  /**
   * {@code SHOW fsync}, {@code synchronous_commit} and {@code full_page_writes} of the suite's
   * PostgreSQL, in the summary's header: an accepted reaction is durable only with the first two
   * on.
   */
  private boolean durability(Connection db) throws SQLException {
    List<String> shown = new ArrayList<>();
    boolean durable = true;
    for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
      String value;
      try (Statement show = db.createStatement();
          ResultSet row = show.executeQuery("SHOW " + setting)) {
        row.next();
        value = row.getString(1);
      }
      shown.add(setting + "=" + value);
      if (!setting.equals("full_page_writes") && !value.equals("on")) {
        durable = false;
      }
    }
    String line =
        "PostgreSQL (SHOW over JDBC after start): "
            + String.join(", ", shown)
            + (durable ? " (durable)" : " (**NOT durable**: accepted writes may be lost)");
    Context.log(line);
    report.condition(line);
    if (!durable) {
      report.note(
          "PostgreSQL runs without fsync or synchronous_commit: the write figures are not"
              + " comparable with a durable suite's.");
    }
    return durable;
  }

  private void footprint(
      BenchSuite.StartUp suiteUp, List<Footprint.Entry> afterStart, List<Footprint.Entry> atEnd) {
    List<Footprint.Entry> services =
        afterStart.stream().filter(entry -> entry.startUpSeconds().isPresent()).toList();
    report.add(
        Measurement.atMost(
            7,
            "`./suite up` of a built tree until every service is ready (wall time, empty data; the"
                + " start after the build's first, which wrote the class data archives)",
            SUITE_UP_TARGET_SECONDS,
            suiteUp.again().toMillis() / 1000.0,
            "s",
            services.isEmpty()
                ? ""
                : "process start → started: "
                    + services.stream()
                        .map(entry -> entry.name() + " " + seconds(entry.startUpSeconds()))
                        .collect(Collectors.joining(", "))));
    report.add(
        Measurement.info(
            7,
            "The first `./suite up` of a build (jars extracted, no class data archive yet)",
            String.format(Locale.ROOT, "%.1f s", suiteUp.first().toMillis() / 1000.0)));
    long peak = Math.max(Report.totalMib(afterStart), Report.totalMib(atEnd));
    report.add(
        Measurement.atMost(
            7,
            "Memory of the whole suite (RSS; PostgreSQL as PSS), the larger of after start-up"
                + " and at the end",
            SUITE_MEMORY_TARGET_MIB,
            peak,
            "MiB",
            afterStart.size() + " processes"));
  }

  private void describeConditions(Duration speed) {
    report.condition(
        String.format(
            Locale.ROOT,
            "Machine: %d cores, %s RAM, JDK %s (%s), Linux %s; load average at the start %s;"
                + " a fixed CPU workload (SHA-256 of 64 MiB, one thread) took %.1f ms",
            Runtime.getRuntime().availableProcessors(),
            firstLine("/proc/meminfo").replaceAll("\\D+", " ").trim() + " KiB",
            System.getProperty("java.version"),
            System.getProperty("java.vm.name"),
            firstLine("/proc/sys/kernel/osrelease"),
            String.join(" ", List.of(firstLine("/proc/loadavg").split(" ")).subList(0, 3)),
            speed.toNanos() / 1e6));
    report.condition(
        String.format(
            Locale.ROOT,
            "Settings: BENCH_ONLY=%s, BENCH_SCALE=%s, BENCH_WARMUP=%ds (then %ds per scenario),"
                + " BENCH_DURATION=%ds, reactions in windows of %ds until steady (at least"
                + " BENCH_STEADY_MIN=%ds, at most BENCH_STEADY_MAX=%ds), wrk -t%d -c%d, on loopback",
            settings.onlyDescription(),
            settings.scale(),
            settings.firstWarmUp().toSeconds(),
            settings.warmUp().toSeconds(),
            settings.duration().toSeconds(),
            settings.steadyWindow().toSeconds(),
            settings.steadyMin().toSeconds(),
            settings.steadyMax().toSeconds(),
            settings.threads(),
            settings.connections()));
  }

  /**
   * The machine after the measurements: the fixed workload again (the suite idle beside it) and the
   * share of CPU time the host stole meanwhile. A speed that changed by more than 15 % makes the
   * run's rows incomparable with another run's, which the notes say.
   */
  private void machineAtEnd(Duration speedAtStart, MachineSpeed.CpuTicks ticksAtStart) {
    Duration speed = MachineSpeed.calibrate();
    double change = (double) speed.toNanos() / speedAtStart.toNanos() - 1;
    double steal = ticksAtStart.stealShare(MachineSpeed.CpuTicks.read());
    report.condition(
        String.format(
            Locale.ROOT,
            "After the measurements: the fixed CPU workload took %.1f ms (%+.0f %% against the"
                + " start); the host stole %.1f %% of the CPU time during the run",
            speed.toNanos() / 1e6,
            change * 100,
            steal * 100));
    if (Math.abs(change) > 0.15) {
      report.note(
          String.format(
              Locale.ROOT,
              "The machine's speed changed during the run (the fixed workload took %+.0f %% longer at"
                  + " the end): compare this run's rows with another run's with care, or repeat it",
              change * 100));
    }
  }

  private Path createDirectories() {
    try {
      Files.createDirectories(results);
      return Files.createTempDirectory("snack-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String seconds(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.1f s", value.getAsDouble()) : "–";
  }

  private static String firstLine(String file) {
    try (Stream<String> lines = Files.lines(Path.of(file))) {
      return lines.findFirst().orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      Context.log("could not delete " + dir + ": " + e.getMessage());
    }
  }
}
