package com.snackmanager.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code ./benchmark} reads from its environment, with the defaults. Every setting has a
 * default, so a bare {@code ./benchmark} is the documented full run.
 *
 * @param root the project root ({@code ./suite} and the service jars are found under it)
 * @param firstWarmUp {@code BENCH_WARMUP}: load before the first measured warm-up-and-measure
 *     scenario while the JVMs are still cold (a fresh JVM needs about a minute of C2 compilation on
 *     two cores); the reaction scenarios warm up by their steady-state windows instead
 * @param warmUp {@code BENCH_WARMUP_NEXT}: load before each later scenario (JVMs are warm by then;
 *     this warms the scenario's own code paths and caches)
 * @param duration {@code BENCH_DURATION}: each measurement
 * @param connections {@code BENCH_CONNECTIONS}: wrk connections
 * @param threads {@code BENCH_THREADS}: wrk threads
 * @param scale {@code BENCH_SCALE}: data volume, 1.0 = the full data set
 * @param keepRunning {@code BENCH_KEEP_RUNNING=1}: leave the suite up afterwards
 * @param businessZone {@code SNACK_BUSINESS_TIME_ZONE}: the calendar orders and statistics use
 * @param steadyWindow {@code BENCH_STEADY_WINDOW}: the length of each wrk window of the reaction
 *     scenarios' steady-state loop
 * @param steadyMin {@code BENCH_STEADY_MIN}: the least load a steady-state loop puts on before it
 *     may call a state steady (JVMs on two cores keep getting faster for minutes; a loop that
 *     stopped at the first two agreeing windows would measure less warm JVMs in one run than in
 *     another)
 * @param steadyMax {@code BENCH_STEADY_MAX}: the most load the steady-state loop puts on before it
 *     gives up waiting for two consecutive windows within {@link #STEADY_TOLERANCE}
 * @param only {@code BENCH_ONLY}: the scenario groups to run (of {@link #SCENARIOS}), all by
 *     default
 */
public record BenchSettings(
    Path root,
    Duration firstWarmUp,
    Duration warmUp,
    Duration duration,
    int connections,
    int threads,
    double scale,
    boolean keepRunning,
    String businessZone,
    Duration steadyWindow,
    Duration steadyMin,
    Duration steadyMax,
    Set<String> only) {

  static final Duration DEFAULT_FIRST_WARM_UP = Duration.ofSeconds(60);
  static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(20);
  static final Duration DEFAULT_STEADY_WINDOW = Duration.ofSeconds(20);
  static final Duration DEFAULT_STEADY_MIN = Duration.ofMinutes(3);
  static final Duration DEFAULT_STEADY_MAX = Duration.ofMinutes(8);

  /** Two consecutive windows whose throughput differs by less than this are steady. */
  public static final double STEADY_TOLERANCE = 0.05;

  /** The scenario groups {@code BENCH_ONLY} names, in the order a run takes them. */
  public static final List<String> SCENARIOS =
      List.of("reactions", "freshness", "get", "lists", "orders", "statistics");

  public BenchSettings {
    only = Set.copyOf(only);
  }

  /** Whether {@code BENCH_ONLY} selects the scenario group {@code name}. */
  public boolean runs(String name) {
    return only.contains(name);
  }

  public static BenchSettings from(Path root, Map<String, String> env) {
    Duration first = duration(env, "BENCH_WARMUP").orElse(DEFAULT_FIRST_WARM_UP);
    Duration next =
        duration(env, "BENCH_WARMUP_NEXT")
            .orElse(first.compareTo(DEFAULT_WARM_UP) < 0 ? first : DEFAULT_WARM_UP);
    int connections = number(env, "BENCH_CONNECTIONS", 32);
    int threads = number(env, "BENCH_THREADS", 2);
    if (connections < threads) {
      throw new IllegalArgumentException("BENCH_CONNECTIONS must be at least BENCH_THREADS");
    }
    double scale = value(env, "BENCH_SCALE").map(BenchSettings::parseScale).orElse(1.0);
    Duration window = duration(env, "BENCH_STEADY_WINDOW").orElse(DEFAULT_STEADY_WINDOW);
    Duration steadyMax = duration(env, "BENCH_STEADY_MAX").orElse(DEFAULT_STEADY_MAX);
    if (window.toSeconds() < 1 || steadyMax.compareTo(window) < 0) {
      throw new IllegalArgumentException(
          "BENCH_STEADY_WINDOW must be at least 1s and BENCH_STEADY_MAX at least one window");
    }
    // a smoke run's short cap lowers the minimum with it
    Duration steadyMin = duration(env, "BENCH_STEADY_MIN").orElse(DEFAULT_STEADY_MIN);
    if (steadyMin.compareTo(steadyMax) > 0) {
      steadyMin = steadyMax;
    }
    return new BenchSettings(
        root.toAbsolutePath().normalize(),
        first,
        next,
        duration(env, "BENCH_DURATION").orElse(Duration.ofSeconds(30)),
        connections,
        threads,
        scale,
        value(env, "BENCH_KEEP_RUNNING").map(v -> v.equals("1") || v.equals("true")).orElse(false),
        value(env, "SNACK_BUSINESS_TIME_ZONE").orElse("Asia/Seoul"),
        window,
        steadyMin,
        steadyMax,
        value(env, "BENCH_ONLY").map(BenchSettings::parseOnly).orElse(Set.copyOf(SCENARIOS)));
  }

  /** {@code reactions,get}: scenario group names, separated by commas (or spaces). */
  static Set<String> parseOnly(String text) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : text.toLowerCase(Locale.ROOT).split("[,\\s]+")) {
      if (name.isEmpty()) {
        continue;
      }
      if (!SCENARIOS.contains(name)) {
        throw new IllegalArgumentException(
            "BENCH_ONLY names scenarios of " + String.join(",", SCENARIOS) + ", not " + name);
      }
      names.add(name);
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("BENCH_ONLY names no scenario");
    }
    return names;
  }

  /** The selected scenario groups in run order, for the summary header. */
  public String onlyDescription() {
    return only.containsAll(SCENARIOS)
        ? "all"
        : String.join(",", SCENARIOS.stream().filter(only::contains).toList());
  }

  /** Where this run's summary and raw wrk output go. */
  public Path resultsRoot() {
    return root.resolve("infra/benchmarks/target");
  }

  /** {@code 60s}, {@code 2m}, {@code 500ms} or a bare number of seconds. */
  static Duration parseDuration(String name, String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      if (value.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
      }
      if (value.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
      }
      return Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a duration such as 30s, not " + text);
    }
  }

  private static double parseScale(String text) {
    try {
      double scale = Double.parseDouble(text);
      if (scale <= 0 || scale > 5) {
        throw new NumberFormatException();
      }
      return scale;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("BENCH_SCALE must be a number above 0 and at most 5");
    }
  }

  private static Optional<Duration> duration(Map<String, String> env, String name) {
    return value(env, name).map(text -> parseDuration(name, text));
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    Optional<String> text = value(env, name);
    try {
      int number = text.map(Integer::parseInt).orElse(fallback);
      if (number < 1) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a positive whole number");
    }
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
