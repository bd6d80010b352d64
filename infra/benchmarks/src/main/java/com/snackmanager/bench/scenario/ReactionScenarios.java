package com.snackmanager.bench.scenario;

import com.snackmanager.bench.BenchSettings;
import com.snackmanager.bench.data.Pools.Pair;
import com.snackmanager.bench.report.CpuTable;
import com.snackmanager.bench.report.Measurement;
import com.snackmanager.bench.suite.CpuSampler;
import com.snackmanager.bench.wrk.WrkResult;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Measurements 1 and 6: reactions set and switched through the gateway, the same straight to the
 * reaction-service in the same run, the gateway's share of the direct throughput, and the CPU every
 * process spends per reaction.
 *
 * <p>Each is a steady-state loop from cold JVMs: consecutive wrk windows of {@code
 * BENCH_STEADY_WINDOW} (20 s) until two consecutive windows differ by less than 5 % in throughput
 * (after at least {@code BENCH_STEADY_MIN}, 3 minutes, and at most {@code BENCH_STEADY_MAX}, 8
 * minutes, of load); that last window is the steady-state figure, and the average of the windows of
 * the load's first minute the cold-start figure. Every window's CPU use of every process is read
 * from {@code /proc} before and after it; the steady window's is the per-request CPU table.
 *
 * <p>Windows alternate between two pools of pairs (the gateway's two, the direct run's two), so a
 * window's requests that were in flight when wrk stopped have a whole window to land before their
 * pool is read back: before a pool's next window, what PostgreSQL holds for its pairs is compared
 * with what the pool's previous window must have left ({@link ReactionCheck}), and becomes each
 * pair's starting point for the next one (a pair holding a LIKE starts with a HATE), so every
 * request is a real change and every window is checked, over the whole load.
 */
final class ReactionScenarios {

  /** Issue 13's targets. */
  static final double GATEWAY_RATE = 2000;

  static final double GATEWAY_P99_MS = 50;
  static final double DIRECT_RATE = 3000;
  static final double GATEWAY_SHARE = 0.65;
  static final double CPU_PER_REACTION_MS = 0.9;

  /** The load's first minute from cold JVMs, whose average throughput is the cold-start figure. */
  static final Duration FIRST_MINUTE = Duration.ofSeconds(60);

  /** One window of a steady-state loop, with the CPU snapshots around it. */
  record Window(
      int number, WrkResult result, CpuSampler.Snapshot before, CpuSampler.Snapshot after) {}

  /**
   * A steady-state loop: its windows, whether the last two agreed (else the cap ended it), the
   * check of every window against PostgreSQL, the wall time and the windows of the first minute.
   */
  record Loop(
      String name,
      List<Window> windows,
      boolean steady,
      ReactionCheck.Outcome check,
      Duration wall,
      int firstMinuteWindows,
      long windowSeconds) {

    /** The steady-state figure: the last window. */
    Window figure() {
      return windows.get(windows.size() - 1);
    }

    List<Double> rates() {
      return windows.stream().map(window -> window.result().successesPerSecond()).toList();
    }

    double firstMinuteRate() {
      return SteadyState.firstWindowsRate(rates(), firstMinuteWindows);
    }

    long socketErrors() {
      return windows.stream().mapToLong(window -> window.result().socketErrors()).sum();
    }

    long non2xx() {
      return windows.stream().mapToLong(window -> window.result().non2xx()).sum();
    }

    long requests() {
      return windows.stream().mapToLong(window -> window.result().requests()).sum();
    }

    /** "window 6, 100-120 s of load" */
    String where() {
      int n = figure().number();
      return String.format(
          Locale.ROOT, "window %d, %d-%d s of load", n, (n - 1) * windowSeconds, n * windowSeconds);
    }

    CpuTable cpu(long ticksPerSecond) {
      Window window = figure();
      return CpuTable.between(
          name + " (" + (steady ? "steady " : "last ") + "window " + window.number() + ")",
          window.before(),
          window.after(),
          window.result().requests() - window.result().non2xx(),
          ticksPerSecond);
    }
  }

  private final Context context;

  ReactionScenarios(Context context) {
    this.context = context;
  }

  /**
   * Reads every snack the reaction runs and the freshness probe use once through the
   * reaction-service, which rebuilds its Redis keys from the generated rows ("caches settle"), so
   * no measured run pays for the first rebuilds.
   */
  static Duration warmCaches(Context context, List<String> snackUids) throws Exception {
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> reads = new ArrayList<>();
      String base = context.suite().reactionService();
      String token = context.tokens().of(1);
      for (String uid : snackUids) {
        reads.add(
            pool.submit(
                () -> context.http().get(base + "/snacks/" + uid + "/reaction/", token).status()));
      }
      for (Future<Integer> read : reads) {
        int status = read.get();
        if (status != 200) {
          throw new IllegalStateException("Reading a snack's reactions gave " + status);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  static List<String> snacksOf(List<List<Pair>> pools) {
    Set<String> uids = new LinkedHashSet<>();
    pools.forEach(pool -> pool.forEach(pair -> uids.add(pair.snackUid())));
    return List.copyOf(uids);
  }

  /**
   * Both loops, on four pools: 0 and 1 through the gateway, 2 and 3 straight to the
   * reaction-service.
   */
  void run(List<List<Pair>> pools) throws SQLException {
    warnIfSmall(pools.get(0));
    Loop gateway =
        steadyLoop("reactions via gateway", context.suite().gateway(), pools.subList(0, 2));
    Loop direct =
        steadyLoop("reactions direct", context.suite().reactionService(), pools.subList(2, 4));
    long hz = context.cpu().ticksPerSecond();
    CpuTable gatewayCpu = gateway.cpu(hz);
    context.report().cpu(gatewayCpu);
    context.report().cpu(direct.cpu(hz));
    report(gateway, direct, gatewayCpu);
  }

  private Loop steadyLoop(String name, String base, List<List<Pair>> pools) throws SQLException {
    BenchSettings settings = context.settings();
    long windowSeconds = settings.steadyWindow().toSeconds();
    int maxWindows = (int) Math.max(1, settings.steadyMax().toSeconds() / windowSeconds);
    int firstMinute =
        Math.min(maxWindows, SteadyState.windowsCovering(FIRST_MINUTE.toSeconds(), windowSeconds));
    int minWindows =
        Math.max(
            firstMinute,
            Math.min(
                maxWindows,
                SteadyState.windowsCovering(settings.steadyMin().toSeconds(), windowSeconds)));
    String tokens = context.tokensFile().toString();
    String threads = Integer.toString(context.wrk().threads());
    List<List<String>> held = new ArrayList<>();
    pools.forEach(pool -> held.add(Collections.nCopies(pool.size(), ReactionCheck.NONE)));
    WrkResult[] unchecked = new WrkResult[pools.size()];
    ReactionCheck.Outcome check = ReactionCheck.Outcome.NONE_YET;
    List<Window> windows = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    Context.log(
        String.format(
            Locale.ROOT,
            "%s: windows of %d s until two in a row differ by less than %.0f %% (at least %d,"
                + " at most %d)",
            name,
            windowSeconds,
            BenchSettings.STEADY_TOLERANCE * 100,
            minWindows,
            maxWindows));
    long start = System.nanoTime();
    SteadyState.Next next = SteadyState.Next.CONTINUE;
    while (next == SteadyState.Next.CONTINUE) {
      int number = windows.size() + 1;
      int pool = (number - 1) % pools.size();
      if (unchecked[pool] != null) {
        check = check.plus(checkWindow(pools.get(pool), held, pool, unchecked[pool]));
      }
      Path pairs =
          context.file(
              "pairs-" + name.replaceAll("\\W+", "-") + "-" + pool + ".txt",
              lines(pools.get(pool), held.get(pool)));
      CpuSampler.Snapshot before = context.cpu().take();
      WrkResult result =
          context
              .wrk()
              .run(
                  name + ", window " + number,
                  base,
                  "reactions.lua",
                  settings.steadyWindow(),
                  tokens,
                  pairs.toString(),
                  threads);
      CpuSampler.Snapshot after = context.cpu().take();
      context.markWarm();
      context.report().run(result);
      unchecked[pool] = result;
      windows.add(new Window(number, result, before, after));
      rates.add(result.successesPerSecond());
      next = SteadyState.next(rates, BenchSettings.STEADY_TOLERANCE, minWindows, maxWindows);
      double change = SteadyState.change(rates, rates.size() - 1);
      Context.log(
          String.format(
              Locale.ROOT,
              "%s, window %d: %.0f req/s (%s), p50 %.1f ms, p99 %.1f ms, %d socket errors,"
                  + " %d non-2xx",
              name,
              number,
              result.successesPerSecond(),
              Double.isNaN(change) ? "first" : String.format(Locale.ROOT, "%+.1f %%", change * 100),
              result.p50Ms(),
              result.p99Ms(),
              result.socketErrors(),
              result.non2xx()));
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    Context.settle(Duration.ofSeconds(3));
    for (int pool = 0; pool < pools.size(); pool++) {
      if (unchecked[pool] != null) {
        check = check.plus(checkWindow(pools.get(pool), held, pool, unchecked[pool]));
      }
    }
    Context.log(name + ": " + check.describe());
    boolean steady = next == SteadyState.Next.STEADY;
    Context.log(
        name
            + (steady ? ": steady after " : ": not steady after ")
            + windows.size() * windowSeconds
            + " s of load ("
            + windows.size()
            + " windows)");
    return new Loop(name, windows, steady, check, wall, firstMinute, windowSeconds);
  }

  /**
   * Compares what the pool's pairs hold now with what its last window must have left, and makes
   * that the pool's starting point for its next window.
   */
  private ReactionCheck.Outcome checkWindow(
      List<Pair> pairs, List<List<String>> held, int pool, WrkResult result) throws SQLException {
    List<String> now = ReactionCheck.stored(context.db(), pairs);
    ReactionCheck.Outcome outcome =
        ReactionCheck.compare(
            pairs,
            held.get(pool),
            now,
            result,
            context.wrk().threads(),
            context.wrk().connectionsPerThread());
    held.set(pool, now);
    if (!outcome.passed()) {
      Context.log(result.name() + ": " + outcome.describe());
      outcome.examples().forEach(example -> Context.log("  " + example));
    }
    return outcome;
  }

  private void report(Loop gateway, Loop direct, CpuTable gatewayCpu) {
    var report = context.report();
    WrkResult viaGateway = gateway.figure().result();
    report.add(
        Measurement.rate(
            1,
            "Reactions through the gateway: steady-state throughput (" + gateway.where() + ")",
            GATEWAY_RATE,
            viaGateway));
    report.add(
        Measurement.latency(
            1,
            "Reactions through the gateway: p99 latency, steady state",
            GATEWAY_P99_MS,
            viaGateway));
    report.add(steadiness(1, "Reactions through the gateway", gateway));
    report.add(
        Measurement.info(
            1,
            "Reactions through the gateway: the load's first "
                + FIRST_MINUTE.toSeconds()
                + " s from cold JVMs",
            firstMinute(gateway)));
    report.add(
        Measurement.check(
            1,
            "Reactions through the gateway: errors (all windows)",
            "0 socket errors, 0 non-2xx",
            errors(gateway),
            gateway.socketErrors() == 0 && gateway.non2xx() == 0));
    report.add(
        Measurement.check(
            1,
            "Reactions through the gateway: every accepted reaction durable (in PostgreSQL,"
                + " fsync and synchronous_commit on)",
            "0 mismatches, durable",
            gateway.check().describe()
                + (context.durablePostgres() ? "; durable" : "; PostgreSQL NOT durable"),
            gateway.check().passed() && context.durablePostgres()));
    report.add(
        Measurement.atMost(
            1,
            "Whole-path CPU per reaction through the gateway (the suite's processes, "
                + gateway.where()
                + ")",
            CPU_PER_REACTION_MS,
            gatewayCpu.suiteMsPerRequest(),
            "ms",
            cpuDetail(gatewayCpu)));

    WrkResult straight = direct.figure().result();
    report.add(
        Measurement.rate(
            6,
            "Reactions straight to the reaction-service: steady-state throughput ("
                + direct.where()
                + ")",
            DIRECT_RATE,
            straight));
    report.add(steadiness(6, "Reactions straight to the reaction-service", direct));
    report.add(
        Measurement.info(
            6,
            "Reactions straight to the reaction-service: the load's first "
                + FIRST_MINUTE.toSeconds()
                + " s (JVMs warmed by measurement 1)",
            firstMinute(direct)));
    report.add(
        Measurement.check(
            6,
            "Reactions straight to the reaction-service: errors, every accepted reaction in"
                + " PostgreSQL",
            "0 errors, 0 mismatches",
            errors(direct) + "; " + direct.check().describe(),
            direct.socketErrors() == 0 && direct.non2xx() == 0 && direct.check().passed()));
    double share =
        straight.successesPerSecond() > 0
            ? viaGateway.successesPerSecond() / straight.successesPerSecond()
            : 0;
    report.add(
        new Measurement(
            6,
            "Gateway overhead: through the gateway / straight to the service (steady states)",
            String.format(Locale.ROOT, "≥ %.0f %%", GATEWAY_SHARE * 100),
            String.format(Locale.ROOT, "%.0f %%", share * 100),
            share >= GATEWAY_SHARE
                ? "met"
                : Measurement.missed(
                    String.format(Locale.ROOT, "%+.0f points", (share - GATEWAY_SHARE) * 100))));
  }

  private Measurement steadiness(int number, String what, Loop loop) {
    long load = loop.windows().size() * loop.windowSeconds();
    String rates = loop.rates().stream().map(Measurement::whole).collect(Collectors.joining(", "));
    String measured =
        (loop.steady()
                ? String.format(Locale.ROOT, "after %d s of load", load)
                : String.format(
                    Locale.ROOT, "not within %d s of load, the last window is used", load))
            + String.format(
                Locale.ROOT,
                " (%d windows, %.0f s wall time; req/s: %s)",
                loop.windows().size(),
                loop.wall().toMillis() / 1000.0,
                rates);
    return new Measurement(
        number,
        what + ": steady state reached",
        String.format(
            Locale.ROOT,
            "two %d s windows in a row within %.0f %%, after ≥ %d s and in ≤ %d s",
            loop.windowSeconds(),
            BenchSettings.STEADY_TOLERANCE * 100,
            context.settings().steadyMin().toSeconds(),
            context.settings().steadyMax().toSeconds()),
        measured,
        loop.steady() ? "met" : "**NOT STEADY**");
  }

  private static String firstMinute(Loop loop) {
    List<Double> rates = loop.rates();
    int windows = Math.min(loop.firstMinuteWindows(), rates.size());
    return Measurement.whole(loop.firstMinuteRate())
        + " req/s (average of windows 1-"
        + windows
        + ": "
        + rates.stream().limit(windows).map(Measurement::whole).collect(Collectors.joining(", "))
        + " req/s)";
  }

  private static String errors(Loop loop) {
    return String.format(
            Locale.ROOT,
            "%d socket errors, %d non-2xx of %,d responses in %d windows",
            loop.socketErrors(),
            loop.non2xx(),
            loop.requests(),
            loop.windows().size())
        + loop.windows().stream()
            .map(window -> failure(window.result()))
            .filter(text -> !text.isEmpty())
            .findFirst()
            .orElse("");
  }

  /** The biggest spenders and wrk, for the summary row. */
  private static String cpuDetail(CpuTable table) {
    String parts =
        table.rows().stream()
            .filter(CpuTable.Row::inSuite)
            .filter(CpuTable.Row::known)
            .sorted(Comparator.comparingDouble(CpuTable.Row::cpuMs).reversed())
            .map(row -> String.format(Locale.ROOT, "%s %.3f", row.name(), table.msPerRequest(row)))
            .collect(Collectors.joining(", "));
    CpuTable.Row wrk = table.row(CpuSampler.LOAD_GENERATOR);
    String unknown = table.unknown().isEmpty() ? "" : "; unknown (restarted?): " + table.unknown();
    return parts
        + (wrk == null || !wrk.known()
            ? ""
            : String.format(Locale.ROOT, "; wrk %.3f, not counted", table.msPerRequest(wrk)))
        + unknown;
  }

  private static String failure(WrkResult result) {
    String failure = result.firstFailure();
    return failure == null ? "" : " (first: " + failure.replace('|', '/').replace('\n', ' ') + ")";
  }

  private void warnIfSmall(List<Pair> pool) {
    int perThread = pool.size() / context.wrk().threads();
    if (perThread < 4 * context.wrk().connectionsPerThread()) {
      context
          .report()
          .note(
              "The reaction pools are small for the connections ("
                  + perThread
                  + " pairs per wrk thread): a pair may be in flight twice, and the check may"
                  + " report false mismatches. Raise BENCH_SCALE or lower BENCH_CONNECTIONS.");
    }
  }

  /** The pairs file: {@code <token line> <snack uid> <start>} per pair. */
  private static List<String> lines(List<Pair> pairs, List<String> held) {
    List<String> lines = new ArrayList<>(pairs.size());
    for (int i = 0; i < pairs.size(); i++) {
      Pair pair = pairs.get(i);
      lines.add(pair.token() + " " + pair.snackUid() + " " + ReactionCheck.startOf(held.get(i)));
    }
    return lines;
  }
}
