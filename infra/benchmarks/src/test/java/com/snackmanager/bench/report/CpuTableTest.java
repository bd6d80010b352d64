package com.snackmanager.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.snackmanager.bench.suite.CpuSampler;
import com.snackmanager.bench.suite.CpuSampler.Sample;
import com.snackmanager.bench.suite.CpuSampler.Snapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ticks into milliseconds per request, the suite's sum without wrk, restarted processes. */
class CpuTableTest {

  static Snapshot snapshot(long nanoTime, Object... nameTicksPid) {
    Map<String, Sample> processes = new LinkedHashMap<>();
    for (int i = 0; i < nameTicksPid.length; i += 3) {
      processes.put(
          (String) nameTicksPid[i],
          new Sample((Long) nameTicksPid[i + 2], (Long) nameTicksPid[i + 1]));
    }
    return new Snapshot(processes, nanoTime);
  }

  // a 20 s window of 40,000 successful requests at 100 ticks per second
  static final Snapshot BEFORE =
      snapshot(
          0,
          "gateway",
          1_000L,
          11L,
          "reaction-service",
          500L,
          12L,
          "postgres",
          300L,
          13L,
          "statistics-service",
          50L,
          14L,
          CpuSampler.LOAD_GENERATOR,
          20L,
          99L);
  static final Snapshot AFTER =
      snapshot(
          20_000_000_000L,
          "gateway",
          2_600L,
          11L, // 16 s of CPU: 0.4 ms per request, 0.8 cores
          "reaction-service",
          1_300L,
          12L, // 8 s: 0.2 ms
          "postgres",
          700L,
          13L, // 4 s: 0.1 ms
          "statistics-service",
          10L,
          15L, // restarted: another pid
          CpuSampler.LOAD_GENERATOR,
          420L,
          99L); // 4 s: 0.1 ms, not the suite's

  @Test
  void eachProcessesCpuPerSuccessfulRequest() {
    CpuTable table = CpuTable.between("reactions", BEFORE, AFTER, 40_000, 100);

    assertThat(table.seconds()).isEqualTo(20.0);
    assertThat(table.row("gateway").cpuMs()).isEqualTo(16_000.0);
    assertThat(table.msPerRequest(table.row("gateway"))).isCloseTo(0.4, within(1e-9));
    assertThat(table.cores(table.row("gateway"))).isCloseTo(0.8, within(1e-9));
    assertThat(table.msPerRequest(table.row("reaction-service"))).isCloseTo(0.2, within(1e-9));
    assertThat(table.msPerRequest(table.row("postgres"))).isCloseTo(0.1, within(1e-9));
    assertThat(table.msPerRequest(table.row(CpuSampler.LOAD_GENERATOR)))
        .isCloseTo(0.1, within(1e-9));
  }

  @Test
  void theWholePathIsTheSuitesProcessesWithoutWrk() {
    CpuTable table = CpuTable.between("reactions", BEFORE, AFTER, 40_000, 100);

    assertThat(table.suiteCpuMs()).isEqualTo(28_000.0);
    assertThat(table.suiteMsPerRequest()).isCloseTo(0.7, within(1e-9));
  }

  @Test
  void aRestartedProcessIsUnknownNotNegative() {
    CpuTable table = CpuTable.between("reactions", BEFORE, AFTER, 40_000, 100);

    assertThat(table.row("statistics-service").known()).isFalse();
    assertThat(table.msPerRequest(table.row("statistics-service"))).isNegative();
    assertThat(table.unknown()).containsExactly("statistics-service");
  }

  @Test
  void aWindowWithoutSuccessesHasNoPerRequestFigure() {
    CpuTable table = CpuTable.between("reactions", BEFORE, AFTER, 0, 100);

    assertThat(table.suiteMsPerRequest()).isNegative();
    assertThat(table.msPerRequest(table.row("gateway"))).isNegative();
  }

  @Test
  void theReportShowsOneColumnPairPerWindowAndTheSuitesSum() {
    Report report = new Report("run");
    report.cpu(CpuTable.between("reactions via gateway", BEFORE, AFTER, 40_000, 100));

    assertThat(report.markdown())
        .contains("| Process | reactions via gateway: ms/request | cores |")
        .contains("| gateway | 0.400 | 0.80 |")
        .contains("| statistics-service | – | – |")
        .contains("| **the suite (all but wrk)** | **0.700** | 1.40 |")
        .contains("| 2xx responses, window seconds | 40,000 | 20.0 s |");
  }
}
