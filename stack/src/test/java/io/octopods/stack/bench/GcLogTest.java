package io.octopods.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GcLogTest {
  private static final List<String> LINES =
      List.of(
          "[2026-12-07T17:23:57.701+0000][0.005s][info][gc] Using G1",
          "[2026-12-07T17:23:57.745+0000][0.049s][info][gc,start    ] GC(0) Pause Young (Normal) (G1 Evacuation Pause)",
          "[2026-12-07T17:23:57.754+0000][0.058s][info][gc          ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) "
              + "19M->19M(388M) 9.311ms",
          "[2026-12-07T17:23:58.000+0000][0.300s][info][gc,phases   ] GC(1) Evacuate Collection Set: 1.2ms",
          "[2026-12-07T17:23:59.500+0000][1.800s][info][gc          ] GC(2) Pause Remark 60M->58M(388M) 2.000ms",
          "[2026-12-07T17:24:00.100+0000][2.400s][info][gc          ] GC(2) Pause Cleanup 58M->58M(388M) 0.100ms",
          "[2026-12-07T17:24:01.000+0000][3.300s][info][gc          ] GC(3) Concurrent Mark Cycle 12.345ms");

  @Test
  void readsEveryStopTheWorldPauseWithTheTimeItEnded() {
    List<GcLog.Pause> pauses = GcLog.parse(LINES);

    assertThat(pauses)
        .extracting(GcLog.Pause::kind)
        .containsExactly("Pause Young", "Pause Remark", "Pause Cleanup");
    assertThat(pauses.get(0).ms()).isEqualTo(9.311);
    assertThat(pauses.get(0).endMs())
        .isEqualTo(Instant.parse("2026-12-07T17:23:57.754Z").toEpochMilli());
  }

  @Test
  void readsZgcsPausesToo() {
    List<GcLog.Pause> pauses =
        GcLog.parse(
            List.of(
                "[2026-12-07T18:25:21.673+0000][0.688s][info][gc,phases   ] GC(0) Pause Mark Start 0.010ms",
                "[2026-12-07T18:25:21.675+0000][0.690s][info][gc,phases   ] GC(0) Concurrent Mark 1.500ms",
                "[2026-12-07T18:25:21.679+0000][0.693s][info][gc,phases   ] GC(0) Pause Mark End 0.021ms"));

    assertThat(pauses)
        .extracting(GcLog.Pause::kind)
        .containsExactly("Pause Mark Start", "Pause Mark End");
  }

  @Test
  void aSpanCountsThePausesThatOverlapIt() {
    GcLog log = new GcLog(GcLog.parse(LINES));
    long remarkEnd = Instant.parse("2026-12-07T17:23:59.500Z").toEpochMilli();

    GcLog.Pauses pauses = log.within(remarkEnd - 1, remarkEnd + 1000);

    assertThat(pauses.count()).isEqualTo(2);
    assertThat(pauses.totalMs()).isEqualTo(2.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(pauses.maxMs()).isEqualTo(2.0);
    assertThat(log.within(0, 1).describe()).isEqualTo("no pause");
  }
}
