package com.snackmanager.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MachineSpeedTest {

  @Test
  void readsTheCpuLineOfProcStat() {
    MachineSpeed.CpuTicks ticks =
        MachineSpeed.CpuTicks.parse("cpu  7518089 2319 489389 2149944 24759 0 71166 28075 0 0");

    // user + nice + system + idle + iowait + irq + softirq + steal; guest time is inside user
    assertThat(ticks.total()).isEqualTo(10_283_741);
    assertThat(ticks.steal()).isEqualTo(28_075);
  }

  @Test
  void refusesAnotherLine() {
    assertThatThrownBy(() -> MachineSpeed.CpuTicks.parse("cpu0 1 2 3 4 5 6 7 8 0 0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theStealShareIsStolenTimeOverAllTimeBetweenTwoReadings() {
    MachineSpeed.CpuTicks before = new MachineSpeed.CpuTicks(100, 10_000);
    MachineSpeed.CpuTicks after = new MachineSpeed.CpuTicks(150, 11_000);

    assertThat(before.stealShare(after)).isEqualTo(0.05);
    assertThat(before.stealShare(before)).isZero();
  }

  @Test
  void theCalibrationTimesTheWorkload() {
    Duration round = MachineSpeed.calibrate();

    // 64 MiB of SHA-256 takes milliseconds on any machine this runs on, never nothing
    assertThat(round).isPositive().isLessThan(Duration.ofSeconds(30));
  }
}
