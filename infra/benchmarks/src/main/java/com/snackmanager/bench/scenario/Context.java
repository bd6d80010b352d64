package com.snackmanager.bench.scenario;

import com.snackmanager.bench.BenchSettings;
import com.snackmanager.bench.data.Pools;
import com.snackmanager.bench.http.Http;
import com.snackmanager.bench.http.Tokens;
import com.snackmanager.bench.report.CpuTable;
import com.snackmanager.bench.report.Report;
import com.snackmanager.bench.suite.BenchSuite;
import com.snackmanager.bench.suite.CpuSampler;
import com.snackmanager.bench.wrk.Wrk;
import com.snackmanager.bench.wrk.WrkResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every scenario works with: the running suite, the loaded database (as its superuser), the
 * members' tokens (and their file for wrk), the pools of the data set, wrk, and the report.
 *
 * @param tokenIds the member ids of the tokens, in token order
 * @param adminToken the development admin's access token
 * @param workDir scratch files of this run (wrk scripts, tokens, pools)
 * @param cpu the suite's and wrk's CPU use, for the per-request CPU tables
 * @param durablePostgres whether the suite's PostgreSQL runs with {@code fsync} and {@code
 *     synchronous_commit} on (an accepted reaction is then durable)
 * @param warm set once load has run (the JVMs are no longer cold): later warm-ups are the shorter
 *     {@code BENCH_WARMUP_NEXT}
 */
public record Context(
    BenchSettings settings,
    BenchSuite suite,
    Connection db,
    Pools pools,
    Http http,
    Tokens tokens,
    Path tokensFile,
    List<Long> tokenIds,
    String adminToken,
    Wrk wrk,
    Report report,
    Path workDir,
    CpuSampler cpu,
    boolean durablePostgres,
    AtomicBoolean warm) {

  /**
   * The warm-up before the next measurement: {@code BENCH_WARMUP} while the JVMs are cold (no load
   * ran yet), {@code BENCH_WARMUP_NEXT} after; either way, the JVMs are warm afterwards.
   */
  public Duration nextWarmUp() {
    return warm.getAndSet(true) ? settings.warmUp() : settings.firstWarmUp();
  }

  /** Whether load has run already. */
  public boolean isWarm() {
    return warm.get();
  }

  /** Load has run: the JVMs are warm. */
  public void markWarm() {
    warm.set(true);
  }

  /** Writes {@code lines} to a scratch file for a wrk script. */
  public Path file(String name, List<String> lines) {
    try {
      return Files.write(workDir.resolve(name), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A warm-up run of {@link #nextWarmUp()} (kept in the report, not measured) and then the measured
   * run.
   */
  public WrkResult warmThenMeasure(String name, String baseUrl, String script, String... args) {
    return warmThenMeasureWithCpu(name, baseUrl, script, args).result();
  }

  /** {@link #warmThenMeasure}, with the measured run's CPU table. */
  public Measured warmThenMeasureWithCpu(
      String name, String baseUrl, String script, String... args) {
    warmUp(name, baseUrl, script, args);
    return measureWithCpu(name, baseUrl, script, args);
  }

  /** A warm-up run of {@link #nextWarmUp()}, kept in the report, not measured. */
  public void warmUp(String name, String baseUrl, String script, String... args) {
    Duration warmUp = nextWarmUp();
    log(name + ": warm-up " + warmUp.toSeconds() + " s");
    report.run(wrk.run(name + " (warm-up)", baseUrl, script, warmUp, args));
  }

  /** The measured run of {@code BENCH_DURATION}, added to the report. */
  public WrkResult measure(String name, String baseUrl, String script, String... args) {
    return measureWithCpu(name, baseUrl, script, args).result();
  }

  /** A measured run and the CPU every process used meanwhile. */
  public record Measured(WrkResult result, CpuTable cpu) {}

  /** The measured run of {@code BENCH_DURATION}, added to the report, with its CPU table. */
  public Measured measureWithCpu(String name, String baseUrl, String script, String... args) {
    log(name + ": measuring " + settings.duration().toSeconds() + " s");
    CpuSampler.Snapshot before = cpu.take();
    WrkResult result = wrk.run(name, baseUrl, script, settings.duration(), args);
    CpuSampler.Snapshot after = cpu.take();
    report.run(result);
    log(
        String.format(
            "%s: %.0f req/s, p50 %.1f ms, p99 %.1f ms, %d socket errors, %d non-2xx",
            name,
            result.requestsPerSecond(),
            result.p50Ms(),
            result.p99Ms(),
            result.socketErrors(),
            result.non2xx()));
    return new Measured(
        result,
        CpuTable.between(
            name, before, after, result.requests() - result.non2xx(), cpu.ticksPerSecond()));
  }

  public static void log(String message) {
    System.out.println("[bench] " + message);
    System.out.flush();
  }

  /** Lets requests that were in flight when wrk stopped finish on the server. */
  public static void settle(Duration time) {
    try {
      Thread.sleep(time.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
