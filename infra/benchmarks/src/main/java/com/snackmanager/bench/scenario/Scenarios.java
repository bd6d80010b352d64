package com.snackmanager.bench.scenario;

import com.snackmanager.bench.data.Pools;
import com.snackmanager.bench.data.Pools.Pair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The measured part of a benchmark run, in order: a check that the services see the loaded data;
 * the reactions (the hot path, measured after the long first warm-up) and the freshness probe under
 * the same load; a wait until the consumers have applied the events that load caused (their backlog
 * would otherwise share the two cores with the next measurements); the snack and order lists, order
 * creation, the statistics; and last whether every view caught up and every service still answers.
 */
public final class Scenarios {

  private Scenarios() {}

  public static void runAll(Context context) throws Exception {
    DataChecks checks = new DataChecks(context);
    checks.servicesSeeTheData();

    Pools pools = context.pools();
    List<List<Pair>> reactionPools = new ArrayList<>();
    for (int pool = 0; pool < Pools.REACTION_POOLS; pool++) {
      reactionPools.add(pools.reactionPool(context.db(), context.tokenIds(), pool));
    }
    List<Pair> probes = pools.freshnessPairs(context.db(), context.tokenIds());
    List<List<Pair>> everything = new ArrayList<>(reactionPools);
    everything.add(probes);
    List<String> snacks = ReactionScenarios.snacksOf(everything);
    Duration warming = ReactionScenarios.warmCaches(context, snacks);
    Context.log(
        "reaction caches of " + snacks.size() + " snacks rebuilt in " + warming.toMillis() + " ms");

    new ReactionScenarios(context).run(reactionPools.subList(0, 4));
    new FreshnessScenario(context).run(reactionPools.get(4), probes);
    // the consumers' backlog would otherwise share the two cores with the next measurements
    checks.viewsConverge("the reaction load", Duration.ofMinutes(5));

    ReadScenarios reads = new ReadScenarios(context);
    reads.snackList();
    reads.orderList();
    new OrderCreation(context)
        .run(Pools.orderableSnacks(context.db()), Pools.heldSnack(context.db()));
    reads.statistics();

    checks.viewsConverge("all scenarios", Duration.ofMinutes(2));
    checks.servicesStillAnswer();
  }
}
