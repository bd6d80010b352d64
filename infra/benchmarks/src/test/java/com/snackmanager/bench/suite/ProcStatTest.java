package com.snackmanager.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Fields of {@code /proc/<pid>/stat}, counted after the command name however odd it is. */
class ProcStatTest {

  // a postgres backend's title can be anything a client names itself; this one has spaces and
  // parentheses, with a ") 9 9" inside that must not be taken for the state and ppid
  static final String LINE =
      "4242 (postgres: bench (x) 9 9 idle) S 4100 4100 4100 0 -1 4194560 2520 0 0 0"
          + " 1234 567 89 10 20 0 1 0 45322 3133440 357 18446744073709551615 1 1 0 0 0 0 0"
          + " 0 0 0 0 0 17 1 0 0 0 0 0";

  @Test
  void readsTheFieldsAfterTheLastClosingParenthesis() {
    ProcStat stat = ProcStat.parse(LINE);

    assertThat(stat.pid()).isEqualTo(4242);
    assertThat(stat.comm()).isEqualTo("postgres: bench (x) 9 9 idle");
    assertThat(stat.ppid()).isEqualTo(4100);
    assertThat(stat.utime()).isEqualTo(1234);
    assertThat(stat.stime()).isEqualTo(567);
    assertThat(stat.cutime()).isEqualTo(89);
    assertThat(stat.cstime()).isEqualTo(10);
    assertThat(stat.ownTicks()).isEqualTo(1801);
    assertThat(stat.reapedChildrenTicks()).isEqualTo(99);
  }

  @Test
  void readsAPlainLineAndThisProcess() {
    ProcStat cat =
        ProcStat.parse(
            "11688 (cat) R 11686 11686 4014 0 -1 4194304 98 0 0 0 3 4 5 6 20 0 1 0 45322 3133440"
                + " 357 18446744073709551615");
    assertThat(cat.comm()).isEqualTo("cat");
    assertThat(cat.ppid()).isEqualTo(11686);
    assertThat(cat.ownTicks()).isEqualTo(7);

    assertThat(ProcStat.self()).hasValueSatisfying(self -> assertThat(self.pid()).isPositive());
    assertThat(ProcStat.all()).extracting(ProcStat::pid).contains(ProcessHandle.current().pid());
    assertThat(ProcStat.clockTicksPerSecond()).isPositive();
  }

  @Test
  void rejectsWhatIsNoStatLine() {
    assertThatThrownBy(() -> ProcStat.parse("12 no parentheses"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcStat.parse("12 (short) S 1 2 3"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
