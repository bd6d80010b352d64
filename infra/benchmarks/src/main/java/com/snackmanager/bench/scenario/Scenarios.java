package com.snackmanager.bench.scenario;

import com.snackmanager.bench.BenchSettings;
import com.snackmanager.bench.data.Pools;
import com.snackmanager.bench.data.Pools.Pair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The measured part of a benchmark run, in order: a check that the services see the loaded data;
 * the reactions (the hot path: steady-state loops from cold JVMs through the gateway and straight
 * to the reaction-service) and the freshness probe under the same load; a wait until the consumers
 * have applied the events that load caused (their backlog would otherwise share the two cores with
 * the next measurements); the trivial authenticated GET; the snack and order lists, order creation,
 * the statistics; and last whether every view caught up and every service still answers. {@code
 * BENCH_ONLY} picks which of these groups run ({@link BenchSettings#SCENARIOS}); the checks always
 * run.
 */
public final class Scenarios {

  private Scenarios() {}

  public static void runAll(Context context) throws Exception {
    BenchSettings settings = context.settings();
    DataChecks checks = new DataChecks(context);
    checks.servicesSeeTheData();

    boolean reactions = settings.runs("reactions");
    boolean freshness = settings.runs("freshness");
    if (reactions || freshness) {
      Pools pools = context.pools();
      List<List<Pair>> reactionPools = new ArrayList<>();
      for (int pool = 0; pool < Pools.REACTION_POOLS; pool++) {
        reactionPools.add(pools.reactionPool(context.db(), context.tokenIds(), pool));
      }
      List<Pair> probes = pools.freshnessPairs(context.db(), context.tokenIds());
      List<List<Pair>> used = new ArrayList<>();
      if (reactions) {
        used.addAll(reactionPools.subList(0, 4));
      } else {
        used.add(reactionPools.get(0));
      }
      if (freshness) {
        used.add(reactionPools.get(4));
        used.add(probes);
      }
      List<String> snacks = ReactionScenarios.snacksOf(used);
      Duration warming = ReactionScenarios.warmCaches(context, snacks);
      Context.log(
          "reaction caches of "
              + snacks.size()
              + " snacks rebuilt in "
              + warming.toMillis()
              + " ms");

      if (reactions) {
        new ReactionScenarios(context).run(reactionPools.subList(0, 4));
      }
      if (freshness) {
        if (!context.isWarm()) {
          // the JVMs are cold without the reaction loops: warm them up on pool 0, unused then
          context.warmUp(
              "reactions via gateway",
              context.suite().gateway(),
              "reactions.lua",
              context.tokensFile().toString(),
              context
                  .file(
                      "pairs-freshness-warm-up.txt",
                      reactionPools.get(0).stream()
                          .map(pair -> pair.token() + " " + pair.snackUid())
                          .toList())
                  .toString(),
              Integer.toString(context.wrk().threads()));
        }
        new FreshnessScenario(context).run(reactionPools.get(4), probes);
        context.markWarm();
      }
      // the consumers' backlog would otherwise share the two cores with the next measurements
      checks.viewsConverge("the reaction load", Duration.ofMinutes(5));
    }

    ReadScenarios reads = new ReadScenarios(context);
    if (settings.runs("get")) {
      reads.authenticatedGet().forEach(context.report()::cpu);
    }
    if (settings.runs("lists")) {
      reads.snackList();
    }
    if (settings.runs("orders")) {
      reads.orderList();
      new OrderCreation(context)
          .run(Pools.orderableSnacks(context.db()), Pools.heldSnack(context.db()));
    }
    if (settings.runs("statistics")) {
      reads.statistics();
    }

    checks.viewsConverge("all scenarios", Duration.ofMinutes(2));
    checks.servicesStillAnswer();
  }
}
