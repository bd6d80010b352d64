package com.snackmanager.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.bench.scenario.SteadyState.Next;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the reaction loops stop, and the first minute's figure. */
class SteadyStateTest {

  static final double FIVE_PERCENT = 0.05;

  @Test
  void twoWindowsInARowWithinFivePercentAreSteady() {
    assertThat(SteadyState.lastTwoAgree(List.of(100.0, 104.9), FIVE_PERCENT)).isTrue();
    assertThat(SteadyState.lastTwoAgree(List.of(100.0, 95.1), FIVE_PERCENT)).isTrue();
    assertThat(SteadyState.lastTwoAgree(List.of(100.0, 105.0), FIVE_PERCENT)).isFalse();
    assertThat(SteadyState.lastTwoAgree(List.of(100.0, 94.0), FIVE_PERCENT)).isFalse();
    // only the last two count
    assertThat(SteadyState.lastTwoAgree(List.of(100.0, 101.0, 130.0), FIVE_PERCENT)).isFalse();
    assertThat(SteadyState.lastTwoAgree(List.of(100.0), FIVE_PERCENT)).isFalse();
    // a dead service is not a steady one
    assertThat(SteadyState.lastTwoAgree(List.of(0.0, 0.0), FIVE_PERCENT)).isFalse();
  }

  @Test
  void aWarmingLoadGoesOnUntilItSettlesAfterTheFirstMinute() {
    // from cold: 300, 700, 1000, 1150, 1200 (+4.3 %): steady at the fifth window
    assertThat(SteadyState.next(List.of(300.0), FIVE_PERCENT, 3, 24)).isEqualTo(Next.CONTINUE);
    assertThat(SteadyState.next(List.of(300.0, 700.0, 1000.0), FIVE_PERCENT, 3, 24))
        .isEqualTo(Next.CONTINUE);
    assertThat(SteadyState.next(List.of(300.0, 700.0, 1000.0, 1150.0), FIVE_PERCENT, 3, 24))
        .isEqualTo(Next.CONTINUE);
    assertThat(SteadyState.next(List.of(300.0, 700.0, 1000.0, 1150.0, 1200.0), FIVE_PERCENT, 3, 24))
        .isEqualTo(Next.STEADY);
  }

  @Test
  void theFirstMinuteRunsEvenIfTheFirstTwoWindowsAgree() {
    assertThat(SteadyState.next(List.of(1000.0, 1010.0), FIVE_PERCENT, 3, 24))
        .isEqualTo(Next.CONTINUE);
    assertThat(SteadyState.next(List.of(1000.0, 1010.0, 1020.0), FIVE_PERCENT, 3, 24))
        .isEqualTo(Next.STEADY);
  }

  @Test
  void theCapEndsALoadThatNeverSettles() {
    assertThat(SteadyState.next(List.of(100.0, 200.0, 100.0), FIVE_PERCENT, 3, 3))
        .isEqualTo(Next.GIVE_UP);
    assertThat(SteadyState.next(List.of(100.0, 200.0, 201.0), FIVE_PERCENT, 3, 3))
        .isEqualTo(Next.STEADY);
    // a cap below the first minute: one window is all there is
    assertThat(SteadyState.next(List.of(100.0), FIVE_PERCENT, 3, 1)).isEqualTo(Next.GIVE_UP);
  }

  @Test
  void theFirstMinuteIsTheAverageOfItsWindows() {
    assertThat(SteadyState.windowsCovering(60, 20)).isEqualTo(3);
    assertThat(SteadyState.windowsCovering(60, 25)).isEqualTo(3);
    assertThat(SteadyState.windowsCovering(60, 90)).isEqualTo(1);
    assertThat(SteadyState.firstWindowsRate(List.of(300.0, 600.0, 900.0, 1200.0), 3))
        .isEqualTo(600.0);
    assertThat(SteadyState.firstWindowsRate(List.of(300.0, 600.0), 3)).isEqualTo(450.0);
    assertThat(SteadyState.change(List.of(100.0, 104.0), 1))
        .isEqualTo(0.04, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(SteadyState.change(List.of(100.0), 0)).isNaN();
  }
}
