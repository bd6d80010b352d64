package com.snackmanager.bench.report;

import com.snackmanager.bench.wrk.WrkResult;
import java.util.Locale;

/**
 * One row of the summary: what was measured, the target for it, what this run measured and
 * whether the target was met (and by how much it was missed).
 *
 * @param number the measurement's number in issue 7 (1-7; 0 for the data set)
 */
public record Measurement(int number, String what, String target, String measured, String verdict) {

  /** A row without a target, for reference. */
  public static Measurement info(int number, String what, String measured) {
    return new Measurement(number, what, "–", measured, "");
  }

  /**
   * A wrk run's successful responses per second against a rate target; failed responses (and socket
   * errors) are named, and a run with any is not met whatever its rate.
   */
  public static Measurement rate(int number, String what, double target, WrkResult run) {
    long failed = run.non2xx() + run.socketErrors();
    double measured = run.successesPerSecond();
    String shortBy = String.format(Locale.ROOT, "%+.0f %%", (measured - target) / target * 100);
    String verdict =
        measured < target
            ? missed(shortBy + (failed > 0 ? ", " + failed + " failed" : ""))
            : failed > 0 ? missed(failed + " failed") : "met";
    return new Measurement(
        number,
        what,
        "≥ " + whole(target) + " req/s",
        whole(measured)
            + " req/s (p50 "
            + decimal(run.p50Ms())
            + " ms, p99 "
            + decimal(run.p99Ms())
            + " ms"
            + (failed > 0
                ? "; " + run.non2xx() + " non-2xx, " + run.socketErrors() + " socket errors"
                : "")
            + ")",
        verdict);
  }

  /** A wrk run's p99 against a latency target; not met if any response failed. */
  public static Measurement latency(int number, String what, double targetMs, WrkResult run) {
    long failed = run.non2xx() + run.socketErrors();
    Measurement measured =
        atMost(
            number,
            what,
            targetMs,
            run.p99Ms(),
            "ms",
            "p50 "
                + decimal(run.p50Ms())
                + " ms, "
                + whole(run.successesPerSecond())
                + " req/s"
                + (failed > 0
                    ? ", " + run.non2xx() + " non-2xx, " + run.socketErrors() + " socket errors"
                    : ""));
    return failed > 0
        ? new Measurement(
            number, what, measured.target(), measured.measured(), missed(failed + " failed"))
        : measured;
  }

  /** At most {@code target} (a latency or a size): missed rows say by what percentage. */
  public static Measurement atMost(
      int number, String what, double target, double measured, String unit, String detail) {
    return new Measurement(
        number,
        what,
        "≤ " + decimal(target) + " " + unit,
        decimal(measured) + " " + unit + (detail.isEmpty() ? "" : " (" + detail + ")"),
        measured <= target ? "met" : missedBy(measured, target));
  }

  /** A yes-or-no check. */
  public static Measurement check(
      int number, String what, String target, String measured, boolean passed) {
    return new Measurement(number, what, target, measured, passed ? "met" : "**MISSED**");
  }

  /** The verdict of a missed target, saying by how much. */
  public static String missed(String by) {
    return "**MISSED** (" + by + ")";
  }

  static String missedBy(double measured, double target) {
    return missed(String.format(Locale.ROOT, "%+.0f %%", (measured - target) / target * 100));
  }

  public static String whole(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  public static String decimal(double value) {
    return value >= 100
        ? whole(value)
        : String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
  }
}
