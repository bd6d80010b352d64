package com.snackmanager.bench.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;

/**
 * How fast this machine's CPU is at the moment, and how much of it the host took: on a shared
 * virtual machine the same build measured half as fast for half an hour (session 8), which no
 * result row shows by itself. The report gives a fixed single-threaded workload's time at the start
 * and at the end of a run, and the share of CPU time stolen by the host in between ({@code steal}
 * of {@code /proc/stat}).
 */
public final class MachineSpeed {

  /** The fixed workload: SHA-256 over this many bytes, once per round. */
  static final int WORKLOAD_BYTES = 64 << 20;

  private static final int ROUNDS = 5;

  private MachineSpeed() {}

  /**
   * The median time of a few rounds of the fixed workload on one thread, after a warm-up round (so
   * the JIT has compiled it).
   */
  public static Duration calibrate() {
    byte[] data = new byte[WORKLOAD_BYTES];
    Arrays.fill(data, (byte) 7);
    round(data);
    long[] nanos = new long[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      round(data);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return Duration.ofNanos(nanos[ROUNDS / 2]);
  }

  private static void round(byte[] data) {
    try {
      MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  /**
   * The machine's CPU time counters (the first line of {@code /proc/stat}), in clock ticks summed
   * over all CPUs.
   *
   * @param steal time the host ran something else while this machine wanted to run
   * @param total all the time accounted: user, nice, system, idle, iowait, irq, softirq, steal
   */
  public record CpuTicks(long steal, long total) {

    /** The counters now; zeros where {@code /proc/stat} cannot be read (not Linux). */
    public static CpuTicks read() {
      try {
        return parse(Files.readAllLines(Path.of("/proc/stat")).get(0));
      } catch (IOException | UncheckedIOException e) {
        return new CpuTicks(0, 0);
      }
    }

    /** Parses the {@code cpu} line of {@code /proc/stat}. */
    static CpuTicks parse(String line) {
      String[] fields = line.trim().split("\\s+");
      if (!fields[0].equals("cpu") || fields.length < 9) {
        throw new IllegalArgumentException("Not the cpu line of /proc/stat: " + line);
      }
      long total = 0;
      for (int i = 1; i <= 8; i++) {
        total += Long.parseLong(fields[i]);
      }
      return new CpuTicks(Long.parseLong(fields[8]), total);
    }

    /** The share of the time between this reading and {@code later} that the host stole. */
    public double stealShare(CpuTicks later) {
      long elapsed = later.total - total;
      return elapsed <= 0 ? 0 : (double) (later.steal - steal) / elapsed;
    }
  }
}
