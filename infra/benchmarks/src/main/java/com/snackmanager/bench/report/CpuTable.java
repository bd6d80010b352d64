package com.snackmanager.bench.report;

import com.snackmanager.bench.suite.CpuSampler;
import com.snackmanager.bench.suite.CpuSampler.Sample;
import com.snackmanager.bench.suite.CpuSampler.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CPU each process used during one measured window, and per successful request: the differences
 * of two {@link Snapshot}s, in milliseconds, divided by the window's 2xx responses. The suite's sum
 * (every process but the load generator) is the whole path's CPU per request.
 *
 * @param window what was measured (a column heading)
 * @param requests the window's successful (2xx) responses
 * @param seconds the time between the two snapshots
 * @param rows one per process, in the snapshots' order
 */
public record CpuTable(String window, long requests, double seconds, List<Row> rows) {

  /**
   * One process: the CPU it used in the window, or none if it was not running at both snapshots (or
   * was restarted in between: another pid).
   *
   * @param cpuMs CPU milliseconds in the window; negative when unknown
   * @param inSuite false for the load generator
   */
  public record Row(String name, double cpuMs, boolean inSuite) {
    public boolean known() {
      return cpuMs >= 0;
    }
  }

  public CpuTable {
    rows = List.copyOf(rows);
  }

  /** The differences between {@code before} and {@code after}, ticks into milliseconds. */
  public static CpuTable between(
      String window, Snapshot before, Snapshot after, long requests, long ticksPerSecond) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Sample> entry : after.processes().entrySet()) {
      Sample then = before.processes().get(entry.getKey());
      Sample now = entry.getValue();
      double cpuMs =
          then == null || then.pid() != now.pid() || now.ticks() < then.ticks()
              ? -1
              : (now.ticks() - then.ticks()) * 1000.0 / ticksPerSecond;
      rows.add(new Row(entry.getKey(), cpuMs, !entry.getKey().equals(CpuSampler.LOAD_GENERATOR)));
    }
    return new CpuTable(window, requests, (after.nanoTime() - before.nanoTime()) / 1e9, rows);
  }

  /** CPU milliseconds per successful request of one process; negative when unknown. */
  public double msPerRequest(Row row) {
    return row.known() && requests > 0 ? row.cpuMs() / requests : -1;
  }

  /** Cores the process kept busy on average over the window. */
  public double cores(Row row) {
    return row.known() && seconds > 0 ? row.cpuMs() / 1000 / seconds : -1;
  }

  /** The suite's CPU milliseconds in the window: every process but the load generator. */
  public double suiteCpuMs() {
    return rows.stream().filter(Row::inSuite).filter(Row::known).mapToDouble(Row::cpuMs).sum();
  }

  /** The whole path's CPU milliseconds per successful request (the suite's, without wrk). */
  public double suiteMsPerRequest() {
    return requests > 0 ? suiteCpuMs() / requests : -1;
  }

  /** The suite's processes whose CPU is unknown (not running at both snapshots, or restarted). */
  public List<String> unknown() {
    return rows.stream().filter(row -> !row.known()).map(Row::name).toList();
  }

  /** The row of process {@code name}, if the snapshots had it. */
  public Row row(String name) {
    return rows.stream().filter(row -> row.name().equals(name)).findFirst().orElse(null);
  }
}
