package com.snackmanager.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A process tree's ticks, and the order of the table's rows. */
class CpuSamplerTest {

  static ProcStat process(long pid, long ppid, long utime, long stime, long cutime, long cstime) {
    return new ProcStat(pid, "p" + pid, ppid, utime, stime, cutime, cstime);
  }

  @Test
  void aPostmasterCountsItsWholeTreeAndTheChildrenItReaped() {
    List<ProcStat> all =
        List.of(
            process(1, 0, 500, 500, 0, 0), // init: not ours
            process(100, 1, 10, 5, 40, 2), // postmaster, reaped children used 42
            process(101, 100, 200, 30, 0, 0), // a backend
            process(102, 100, 7, 3, 0, 0), // the checkpointer
            process(103, 102, 1, 1, 0, 0), // a grandchild
            process(200, 1, 900, 100, 0, 0)); // a service JVM beside it

    assertThat(CpuSampler.treeTicks(100, all)).isEqualTo(15 + 42 + 230 + 10 + 2);
    assertThat(CpuSampler.treeTicks(200, all)).isEqualTo(1000);
    assertThat(CpuSampler.treeTicks(999, all)).isZero();
  }

  @Test
  void theGatewayComesFirstThenTheServicesThenTheInfrastructure() {
    Map<String, Long> pids = new LinkedHashMap<>();
    pids.put("postgres", 1L);
    pids.put("redis", 2L);
    pids.put("kafka", 3L);
    pids.put("auth-service", 4L);
    pids.put("reaction-service", 5L);
    pids.put("gateway", 6L);

    assertThat(CpuSampler.order(pids).keySet())
        .containsExactly(
            "gateway", "auth-service", "reaction-service", "postgres", "redis", "kafka");
  }
}
