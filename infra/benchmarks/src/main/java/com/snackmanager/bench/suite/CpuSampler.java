package com.snackmanager.bench.suite;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU time every process of the suite and the load generator have used so far, from {@code
 * /proc}: taken before and after a measured window, the differences divided by the window's
 * successful requests give the CPU milliseconds per request of each process ({@link
 * com.snackmanager.bench.report.CpuTable}).
 *
 * <p>A process's CPU is {@code utime + stime} (fields 14 and 15 of {@code /proc/<pid>/stat}) of it
 * and every live descendant (found by walking the {@code ppid} of every process in {@code /proc}),
 * plus {@code cutime + cstime} of each: PostgreSQL is a postmaster with one process per connection
 * and its background workers, and a child that ends (an autovacuum worker) hands its CPU to its
 * parent's {@code cutime} when it is waited for, so no tick is lost or counted twice. The services,
 * Kafka and Redis are single processes (the same sum is just their own). The suite's pids are the
 * runner's {@code <runDir>/pids}, read at every snapshot.
 *
 * <p>wrk is started by this JVM and has ended (and been waited for) when a window's snapshot is
 * taken, so its CPU is the growth of this JVM's own {@code cutime + cstime}.
 */
public final class CpuSampler {

  /** The load generator's row. */
  public static final String LOAD_GENERATOR = "wrk";

  /** One process (tree) at one moment: its pid and the clock ticks it has used. */
  public record Sample(long pid, long ticks) {}

  /**
   * All processes at one moment, in table order (gateway, services, infrastructure, wrk).
   *
   * @param nanoTime {@link System#nanoTime()} when it was taken
   */
  public record Snapshot(Map<String, Sample> processes, long nanoTime) {}

  private final Path runDir;
  private final long ticksPerSecond;

  public CpuSampler(Path runDir) {
    this.runDir = runDir;
    this.ticksPerSecond = ProcStat.clockTicksPerSecond();
  }

  /** {@code getconf CLK_TCK}. */
  public long ticksPerSecond() {
    return ticksPerSecond;
  }

  public Snapshot take() {
    Map<String, Long> pids = order(Footprint.pids(runDir));
    List<ProcStat> all = ProcStat.all();
    Map<String, Sample> processes = new LinkedHashMap<>();
    pids.forEach((name, pid) -> processes.put(name, new Sample(pid, treeTicks(pid, all))));
    ProcStat.self()
        .ifPresent(
            self ->
                processes.put(LOAD_GENERATOR, new Sample(self.pid(), self.reapedChildrenTicks())));
    return new Snapshot(processes, System.nanoTime());
  }

  /**
   * The ticks of process {@code root} and all its live descendants in {@code all}, each counted
   * with the ticks of its children that have ended; 0 if it is not running.
   */
  static long treeTicks(long root, Collection<ProcStat> all) {
    Map<Long, ProcStat> byPid = new HashMap<>();
    Map<Long, List<ProcStat>> children = new HashMap<>();
    for (ProcStat stat : all) {
      byPid.put(stat.pid(), stat);
      children.computeIfAbsent(stat.ppid(), ppid -> new ArrayList<>()).add(stat);
    }
    ProcStat top = byPid.get(root);
    if (top == null) {
      return 0;
    }
    long ticks = 0;
    Deque<ProcStat> pending = new ArrayDeque<>(List.of(top));
    while (!pending.isEmpty()) {
      ProcStat process = pending.pop();
      ticks += process.ownTicks() + process.reapedChildrenTicks();
      pending.addAll(children.getOrDefault(process.pid(), List.of()));
    }
    return ticks;
  }

  /** The gateway first, then the services in start order, then the infrastructure. */
  static Map<String, Long> order(Map<String, Long> pids) {
    Map<String, Long> ordered = new LinkedHashMap<>();
    if (pids.containsKey("gateway")) {
      ordered.put("gateway", pids.get("gateway"));
    }
    pids.forEach(
        (name, pid) -> {
          if (name.endsWith("-service")) {
            ordered.put(name, pid);
          }
        });
    pids.forEach(ordered::putIfAbsent);
    return ordered;
  }
}
