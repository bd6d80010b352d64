package com.snackmanager.bench.scenario;

import com.snackmanager.bench.BenchSettings;
import com.snackmanager.bench.data.Pools;
import com.snackmanager.bench.http.Http;
import com.snackmanager.bench.http.Tokens;
import com.snackmanager.bench.report.Report;
import com.snackmanager.bench.suite.BenchSuite;
import com.snackmanager.bench.wrk.Wrk;
import com.snackmanager.bench.wrk.WrkResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

/**
 * What every scenario works with: the running suite, the loaded database (as its superuser), the
 * members' tokens (and their file for wrk), the pools of the data set, wrk, and the report.
 *
 * @param tokenIds the member ids of the tokens, in token order
 * @param adminToken the development admin's access token
 * @param workDir scratch files of this run (wrk scripts, tokens, pools)
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
    Path workDir) {

  /** Writes {@code lines} to a scratch file for a wrk script. */
  public Path file(String name, List<String> lines) {
    try {
      return Files.write(workDir.resolve(name), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A warm-up run (kept in the report, not measured) and then the measured run. */
  public WrkResult warmThenMeasure(
      String name, String baseUrl, String script, Duration warmUp, String... args) {
    log(name + ": warm-up " + warmUp.toSeconds() + " s");
    report.run(wrk.run(name + " (warm-up)", baseUrl, script, warmUp, args));
    return measure(name, baseUrl, script, args);
  }

  /** The measured run of {@code BENCH_DURATION}, added to the report. */
  public WrkResult measure(String name, String baseUrl, String script, String... args) {
    log(name + ": measuring " + settings.duration().toSeconds() + " s");
    WrkResult result = wrk.run(name, baseUrl, script, settings.duration(), args);
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
    return result;
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
