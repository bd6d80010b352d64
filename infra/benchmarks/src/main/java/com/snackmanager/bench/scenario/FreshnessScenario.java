package com.snackmanager.bench.scenario;

import com.snackmanager.bench.data.Pools.Pair;
import com.snackmanager.bench.http.Http;
import com.snackmanager.bench.report.Measurement;
import com.snackmanager.bench.wrk.Wrk;
import com.snackmanager.bench.wrk.WrkResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Measurement 5: how long after a reaction's 200 the statistics show it, while wrk keeps the
 * reaction load of measurement 1 running through the gateway.
 *
 * <p>The probe reacts (LIKE, through the gateway) to each of the freshness snacks in turn as a
 * member with no reaction to it yet, then reads that snack's row of {@code GET
 * /statistics/reactions/} straight from the statistics-service every few milliseconds until its
 * like count reaches the one the reaction answered. The freshness snacks come first in uid order,
 * so {@code ordering=snack_uid&page_size=1&page=n} is the n-th one: a primary-key scan, the
 * cheapest statistics read that shows one snack's counts. A sample is the time from the reaction's
 * response to the read's response that shows it (so it includes up to one poll interval).
 */
final class FreshnessScenario {

  static final double P99_TARGET_MS = 500;
  static final Duration POLL_INTERVAL = Duration.ofMillis(5);
  static final Duration GIVE_UP = Duration.ofSeconds(10);

  /** Lost samples in a row after which the statistics are taken to be falling behind for good. */
  static final int GIVE_UP_AFTER_LOST = 3;

  static final Duration LOAD_RAMP = Duration.ofSeconds(5);

  private final Context context;

  FreshnessScenario(Context context) {
    this.context = context;
  }

  void run(List<Pair> loadPairs, List<Pair> probes) {
    Wrk wrk = context.wrk();
    String pairs =
        context
            .file(
                "pairs-freshness-load.txt",
                loadPairs.stream().map(pair -> pair.token() + " " + pair.snackUid()).toList())
            .toString();
    Context.log("freshness: " + probes.size() + " reactions under the reaction load");
    Wrk.Running load =
        wrk.start(
            "reactions via gateway (freshness load)",
            context.suite().gateway(),
            "reactions.lua",
            Duration.ofMinutes(10),
            context.tokensFile().toString(),
            pairs,
            Integer.toString(wrk.threads()));
    List<Double> samples = new ArrayList<>();
    int lost = 0;
    int lostInARow = 0;
    String lag;
    try {
      Context.settle(LOAD_RAMP);
      for (int i = 0; i < probes.size() && lostInARow < GIVE_UP_AFTER_LOST; i++) {
        double millis = sample(probes.get(i), i + 1);
        if (millis < 0) {
          lost++;
          lostInARow++;
        } else {
          samples.add(millis);
          lostInARow = 0;
        }
      }
      lag = statisticsLag();
    } finally {
      wrk.stop(load);
    }
    WrkResult background = wrk.finish(load);
    context.report().run(background);
    report(samples, lost, background, lag);
  }

  /** What {@code GET /statistics/freshness/} says about the consumer's lag right now. */
  private String statisticsLag() {
    Http.Response freshness =
        context
            .http()
            .get(
                context.suite().statisticsService() + "/statistics/freshness/",
                context.adminToken());
    if (!freshness.ok()) {
      return "statistics freshness: " + freshness.status();
    }
    JsonNode body = context.http().json(freshness);
    return "statistics lag at the end "
        + body.path("lag_events").asString()
        + " events, "
        + body.path("lag_ms").asString()
        + " ms";
  }

  /**
   * @return milliseconds from the reaction's response to the statistics showing it; -1 if the
   *     reaction failed or never showed within {@link #GIVE_UP}
   */
  private double sample(Pair probe, int position) {
    Http http = context.http();
    Http.Response reaction =
        http.post(
            context.suite().gateway() + "/snacks/" + probe.snackUid() + "/reaction/",
            context.tokens().of(probe.token()),
            Map.of("type", "LIKE"));
    long answered = System.nanoTime();
    if (reaction.status() != 200) {
      Context.log("freshness: reaction failed: " + reaction.status() + " " + reaction.body());
      return -1;
    }
    long likes = http.json(reaction).get("like_reaction_count").asLong();
    String read =
        context.suite().statisticsService()
            + "/statistics/reactions/?ordering=snack_uid&page_size=1&page="
            + position;
    while (System.nanoTime() - answered < GIVE_UP.toNanos()) {
      JsonNode row = http.json(http.get(read, context.adminToken())).get(0);
      if (row == null || !probe.snackUid().equals(row.get("snack_uid").asString())) {
        throw new IllegalStateException(
            "The statistics' snack number " + position + " is not " + probe.snackUid());
      }
      if (row.get("like_reaction_count").asLong() >= likes) {
        return (System.nanoTime() - answered) / 1e6;
      }
      Context.settle(POLL_INTERVAL);
    }
    Context.log("freshness: " + probe.snackUid() + " did not show within " + GIVE_UP);
    return -1;
  }

  private void report(List<Double> samples, int lost, WrkResult background, String lag) {
    Collections.sort(samples);
    String detail =
        String.format(
            Locale.ROOT,
            "p50 %s ms, max %s ms, %d samples, %d not shown within %d s; background load %s"
                + " req/s, %d non-2xx; %s",
            Measurement.decimal(percentile(samples, 50)),
            Measurement.decimal(samples.isEmpty() ? 0 : samples.get(samples.size() - 1)),
            samples.size(),
            lost,
            GIVE_UP.toSeconds(),
            Measurement.whole(background.requestsPerSecond()),
            background.non2xx(),
            lag);
    Context.log("freshness: " + detail);
    context
        .report()
        .add(
            Measurement.atMost(
                5,
                "Freshness under the reaction load: response → statistics, p99",
                P99_TARGET_MS,
                percentile(withLost(samples, lost), 99),
                "ms",
                detail));
  }

  /** The samples with each lost one counted as {@link #GIVE_UP} (a lower bound), sorted. */
  static List<Double> withLost(List<Double> samples, int lost) {
    List<Double> all = new ArrayList<>(samples);
    for (int i = 0; i < lost; i++) {
      all.add((double) GIVE_UP.toMillis());
    }
    Collections.sort(all);
    return all;
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(List<Double> sorted, double percent) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
  }
}
