package io.octopods.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcStatTest {
  @Test
  void readsOwnAndReapedTicksOfAStatLine() {
    ProcStat s =
        ProcStat.parse(
            "2233 (postgres) S 2232 2233 2233 0 -1 4194368 352 0 2 0 7 9 3 4 20 0 1 0 3750 "
                + "222597120 4220 18446744073709551615 0 0 0 0 0 0 0 0");

    assertThat(s).isEqualTo(new ProcStat(2233, "postgres", 2232, 16, 7, 3750));
  }

  @Test
  void aNameWithSpacesAndParenthesesIsKeptWhole() {
    ProcStat s =
        ProcStat.parse("77 (my (odd) name) R 1 77 77 0 -1 0 0 0 0 0 100 50 0 0 20 0 1 0 9 0 0");

    assertThat(s.comm()).isEqualTo("my (odd) name");
    assertThat(s.ownTicks()).isEqualTo(150);
  }

  @Test
  void thisProcessIsFoundInProc() {
    long me = ProcessHandle.current().pid();

    assertThat(ProcStat.of(me)).hasValueSatisfying(s -> assertThat(s.comm()).isEqualTo("java"));
    assertThat(ProcStat.named("java")).extracting(ProcStat::pid).contains(me);
    assertThat(ProcStat.of(-1)).isEmpty();
  }

  @Test
  void theClusterCountsNewProcessesFromZeroAndEndedOnesThroughTheirReapedTime() {
    ProcStat postmaster = new ProcStat(10, "postgres", 1, 100, 500, 1);
    ProcStat backend = new ProcStat(11, "postgres", 10, 40, 0, 2);
    PostgresCpu.Snapshot before = PostgresCpu.Snapshot.of(List.of(postmaster, backend));
    // the backend used 15 more ticks and ended (its 55 reaped by the postmaster); a new one used 7;
    // the postmaster 3
    PostgresCpu.Snapshot after =
        PostgresCpu.Snapshot.of(
            List.of(
                new ProcStat(10, "postgres", 1, 103, 555, 1),
                new ProcStat(12, "postgres", 10, 7, 0, 50)));

    assertThat(PostgresCpu.ticksBetween(before, after)).isEqualTo(3 + 15 + 7);
  }

  @Test
  void aReusedPidIsANewProcess() {
    ProcStat postmaster = new ProcStat(10, "postgres", 1, 100, 0, 1);
    PostgresCpu.Snapshot before =
        PostgresCpu.Snapshot.of(List.of(postmaster, new ProcStat(11, "postgres", 10, 40, 0, 2)));
    // pid 11 used 2 more ticks, ended and was reaped (42); a new process got pid 11 and used 5
    PostgresCpu.Snapshot after =
        PostgresCpu.Snapshot.of(
            List.of(
                new ProcStat(10, "postgres", 1, 100, 42, 1),
                new ProcStat(11, "postgres", 10, 5, 0, 90)));

    assertThat(PostgresCpu.ticksBetween(before, after)).isEqualTo(2 + 5);
  }
}
