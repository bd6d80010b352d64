package com.snackmanager.bench.scenario;

import java.util.List;

/**
 * When a load has reached its steady state, from the throughputs of consecutive equal windows: when
 * a window's throughput is within a tolerance of the window before it. The loop runs at least a
 * minimum of windows whatever it finds (the load's first minute, so that the cold-start figure,
 * their average, is always there, and {@code BENCH_STEADY_MIN}, so that every run is about as
 * warm), and stops at a cap.
 */
final class SteadyState {

  /** What to do after a window. */
  enum Next {
    /** Load on: not steady yet, or the minimum load is not complete. */
    CONTINUE,
    /** The last two windows agree and the minimum load is complete. */
    STEADY,
    /** The cap is reached and the last two windows did not agree. */
    GIVE_UP
  }

  private SteadyState() {}

  /**
   * Whether the last window's throughput differs from the window before by less than {@code
   * tolerance} of that earlier window's; windows without throughput never agree.
   */
  static boolean lastTwoAgree(List<Double> rates, double tolerance) {
    int n = rates.size();
    if (n < 2) {
      return false;
    }
    double before = rates.get(n - 2);
    double now = rates.get(n - 1);
    return before > 0 && now > 0 && Math.abs(now - before) / before < tolerance;
  }

  /**
   * After the windows with {@code rates}: steady when the last two agree and at least {@code
   * minWindows} ran (the last window is then the steady-state figure); give up after {@code
   * maxWindows}.
   */
  static Next next(List<Double> rates, double tolerance, int minWindows, int maxWindows) {
    if (lastTwoAgree(rates, tolerance) && rates.size() >= Math.min(minWindows, maxWindows)) {
      return Next.STEADY;
    }
    return rates.size() >= maxWindows ? Next.GIVE_UP : Next.CONTINUE;
  }

  /** The average throughput of the first {@code windows} windows (fewer if fewer ran). */
  static double firstWindowsRate(List<Double> rates, int windows) {
    return rates.stream().limit(windows).mapToDouble(Double::doubleValue).average().orElse(0);
  }

  /**
   * Windows of {@code windowSeconds} that cover {@code seconds}: 3 of 20 s for the first minute.
   */
  static int windowsCovering(long seconds, long windowSeconds) {
    return (int) Math.max(1, (seconds + windowSeconds - 1) / windowSeconds);
  }

  /** The relative change of window {@code i} against window {@code i - 1}, for the log. */
  static double change(List<Double> rates, int i) {
    if (i < 1 || rates.get(i - 1) <= 0) {
      return Double.NaN;
    }
    return (rates.get(i) - rates.get(i - 1)) / rates.get(i - 1);
  }
}
