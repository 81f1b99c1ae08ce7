package io.octopods.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TailReportTest {
  private static final long START = 1_000_000;

  @Test
  void putsTheSlowestSecondsBesideWhatHappenedInThem() {
    PhaseResult phase = new PhaseResult("steady-80%");
    phase.seconds = new SecondTally(START, 3);
    for (int i = 0; i < 100; i++) {
      phase.seconds.add(0, 2_000_000);
      phase.seconds.add(1, i < 40 ? 120_000_000 : 3_000_000); // second 1: 40 slow answers
      phase.seconds.add(2, i < 5 ? 60_000_000 : 3_000_000);
    }
    List<TailProbe.Sample> samples = new ArrayList<>();
    for (long t = START; t < START + 3000; t += 100) {
      boolean inSecondOne = t >= START + 1000 && t < START + 2000;
      samples.add(
          new TailProbe.Sample(
              t,
              Map.of(inSecondOne ? "IO:WALSync" : TailProbe.RUNNING, 2),
              Map.of(
                  "checkpointer",
                  inSecondOne ? "Timeout:CheckpointWriteDelay" : "Activity:CheckpointerMain")));
    }
    TailProbe.Evidence evidence = new TailProbe.Evidence(samples, List.of());
    HubSpotEvents hubspot = new HubSpotEvents();
    for (int i = 0; i < 30; i++) {
      hubspot.called(201, START + 1000 + 10L * i);
    }

    List<String> lines =
        new TailReport(phase, evidence, new GcLog(List.of()), List.of(), "test log", hubspot)
            .lines();

    assertThat(lines.get(0))
        .contains(
            "45 of 300 callbacks (15.00 %) answered more than 50 ms after they were due, "
                + "in 2 of 3 seconds");
    assertThat(lines.get(1))
        .startsWith(
            "    second 1: 40 of 100 slow, slowest 120 ms; backends IO:WALSync 100 %; "
                + "a checkpoint in progress in 100 % of the samples")
        .endsWith("HubSpot 30.0 calls/s, 0 events/s");
    assertThat(lines.get(2)).startsWith("    second 2: 5 of 100 slow");
    assertThat(lines.get(3))
        .startsWith(
            "    the 1 seconds without a slow answer, together: backends running (CPU) "
                + "100 %; a checkpoint in progress in 0 % of the samples")
        .endsWith("HubSpot 0.0 calls/s, 0 events/s");
    assertThat(lines)
        .anyMatch(l -> l.contains("server log (test log): no checkpoint overlaps the phase"));
  }

  @Test
  void sharesAreOfAllSamplesLargestFirst() {
    assertThat(TailReport.shares(Map.of("a", 1, "b", 3), 1)).isEqualTo("b 75 %");
    assertThat(TailReport.shares(Map.of(), 3)).isEqualTo("(none sampled)");
  }
}
