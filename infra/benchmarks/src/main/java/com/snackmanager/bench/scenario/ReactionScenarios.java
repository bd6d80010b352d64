package com.snackmanager.bench.scenario;

import com.snackmanager.bench.data.Pools.Pair;
import com.snackmanager.bench.report.Measurement;
import com.snackmanager.bench.wrk.WrkResult;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measurements 1 and 6 of issue 7: reactions set and switched through the gateway, the same
 * straight to the reaction-service in the same run, and the gateway's share of the direct
 * throughput.
 *
 * <p>Each run has its own pool of pairs (the warm-up's too), so every measured run starts on pairs
 * whose state is known, and is checked against PostgreSQL afterwards.
 */
final class ReactionScenarios {

  static final int GATEWAY_WARM_UP = 0;
  static final int GATEWAY = 1;
  static final int DIRECT_WARM_UP = 2;
  static final int DIRECT = 3;

  /** The targets. */
  static final double GATEWAY_RATE = 2000;

  static final double GATEWAY_P99_MS = 100;
  static final double GATEWAY_SHARE = 0.5;

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

  void run(List<List<Pair>> pools) throws SQLException {
    String threads = Integer.toString(context.wrk().threads());
    String tokens = context.tokensFile().toString();
    Path[] files = new Path[pools.size()];
    for (int i = 0; i < pools.size(); i++) {
      files[i] = context.file("pairs-" + i + ".txt", lines(pools.get(i)));
    }
    warnIfSmall(pools.get(GATEWAY));

    String gateway = context.suite().gateway();
    context
        .report()
        .run(
            runWarmUp(
                "reactions via gateway",
                gateway,
                context.settings().firstWarmUp(),
                files[GATEWAY_WARM_UP],
                tokens,
                threads));
    WrkResult throughGateway =
        context.measure(
            "reactions via gateway",
            gateway,
            "reactions.lua",
            tokens,
            files[GATEWAY].toString(),
            threads);
    ReactionCheck.Outcome gatewayCheck = check(pools.get(GATEWAY), throughGateway);

    String direct = context.suite().reactionService();
    context
        .report()
        .run(
            runWarmUp(
                "reactions direct",
                direct,
                context.settings().warmUp(),
                files[DIRECT_WARM_UP],
                tokens,
                threads));
    WrkResult straight =
        context.measure(
            "reactions direct", direct, "reactions.lua", tokens, files[DIRECT].toString(), threads);
    ReactionCheck.Outcome directCheck = check(pools.get(DIRECT), straight);

    report(throughGateway, gatewayCheck, straight, directCheck);
  }

  private WrkResult runWarmUp(
      String name, String base, Duration time, Path pairs, String tokens, String threads) {
    Context.log(name + ": warm-up " + time.toSeconds() + " s");
    return context
        .wrk()
        .run(name + " (warm-up)", base, "reactions.lua", time, tokens, pairs.toString(), threads);
  }

  private ReactionCheck.Outcome check(List<Pair> pairs, WrkResult result) throws SQLException {
    Context.settle(Duration.ofSeconds(3));
    ReactionCheck.Outcome outcome =
        ReactionCheck.verify(
            context.db(),
            pairs,
            result,
            context.wrk().threads(),
            context.wrk().connectionsPerThread());
    Context.log(result.name() + ": " + outcome.describe());
    outcome.examples().forEach(example -> Context.log("  " + example));
    return outcome;
  }

  private void report(
      WrkResult gateway,
      ReactionCheck.Outcome gatewayCheck,
      WrkResult direct,
      ReactionCheck.Outcome directCheck) {
    var report = context.report();
    report.add(
        Measurement.rate(1, "Reactions through the gateway: throughput", GATEWAY_RATE, gateway));
    report.add(
        Measurement.latency(
            1, "Reactions through the gateway: p99 latency", GATEWAY_P99_MS, gateway));
    report.add(
        Measurement.check(
            1,
            "Reactions through the gateway: errors",
            "0 socket errors, 0 non-2xx",
            gateway.socketErrors()
                + " socket errors, "
                + gateway.non2xx()
                + " non-2xx"
                + failure(gateway),
            gateway.socketErrors() == 0 && gateway.non2xx() == 0));
    report.add(
        Measurement.check(
            1,
            "Reactions through the gateway: every accepted reaction in PostgreSQL",
            "0 mismatches",
            gatewayCheck.describe(),
            gatewayCheck.passed()));
    report.add(
        Measurement.info(
            6,
            "Reactions straight to the reaction-service (same run)",
            Measurement.whole(direct.successesPerSecond())
                + " req/s, p50 "
                + Measurement.decimal(direct.p50Ms())
                + " ms, p99 "
                + Measurement.decimal(direct.p99Ms())
                + " ms, "
                + direct.non2xx()
                + " non-2xx; "
                + directCheck.describe()));
    double share =
        direct.successesPerSecond() > 0
            ? gateway.successesPerSecond() / direct.successesPerSecond()
            : 0;
    report.add(
        new Measurement(
            6,
            "Gateway overhead: through the gateway / straight to the service",
            "≥ 50 %",
            String.format("%.0f %%", share * 100),
            share >= GATEWAY_SHARE
                ? "met"
                : Measurement.missed(
                    String.format("%+.0f points", (share - GATEWAY_SHARE) * 100))));
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

  private static List<String> lines(List<Pair> pairs) {
    return pairs.stream().map(pair -> pair.token() + " " + pair.snackUid()).toList();
  }
}
