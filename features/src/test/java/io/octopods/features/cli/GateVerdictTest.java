package io.octopods.features.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The gate's exit code and last line: broken contracts, invariants and failed scenarios fail it;
 * skips fail it only under --strict; coverage fails it only below --min-coverage; the last line
 * always counts the skips.
 */
class GateVerdictTest {
  @Test
  void aCleanRunPassesAndSaysItSkippedNothing() {
    GateVerdict v = verdict(0, 100, false, null);
    assertThat(v.exitCode()).isZero();
    assertThat(v.lastLine()).isEqualTo("skipped: 0");
    assertThat(v.gateReasons()).isEmpty();
  }

  @Test
  void skipsPassWithoutStrictAndTheLastLineSaysHowMany() {
    GateVerdict v = verdict(3, 100, false, null);
    assertThat(v.exitCode()).isZero();
    assertThat(v.lastLine()).isEqualTo("skipped: 3 (run with --strict to fail on skips)");
  }

  @Test
  void skipsFailUnderStrict() {
    GateVerdict v = verdict(2, 100, true, null);
    assertThat(v.exitCode()).isEqualTo(1);
    assertThat(v.gateReasons()).containsExactly("--strict: 2 skipped (listed above) fail the gate");
    assertThat(v.lastLine()).startsWith("skipped: 2");
    assertThat(verdict(0, 100, true, null).exitCode()).isZero();
  }

  @Test
  void coverageBelowTheMinimumFailsAndAtTheMinimumPasses() {
    assertThat(verdict(0, 97.9, false, 98.0).exitCode()).isEqualTo(1);
    assertThat(verdict(0, 97.9, false, 98.0).gateReasons())
        .containsExactly("coverage 97.9 % is below --min-coverage 98");
    assertThat(verdict(0, 98.0, false, 98.0).exitCode()).isZero();
    assertThat(verdict(0, 12.5, false, null).exitCode()).isZero();
  }

  @Test
  void brokenContractsAndFailuresComeFirstAndInfrastructureIsTwo() {
    assertThat(new GateVerdict(1, 0, 0, true, 5, 0, 100, false, null).exitCode()).isEqualTo(1);
    assertThat(new GateVerdict(0, 1, 1, true, 5, 0, 100, false, null).exitCode()).isEqualTo(1);
    assertThat(new GateVerdict(0, 0, 2, false, 5, 0, 100, false, null).exitCode()).isEqualTo(1);
    assertThat(new GateVerdict(0, 0, 2, true, 5, 0, 100, false, null).exitCode()).isEqualTo(2);
    assertThat(new GateVerdict(0, 0, 0, true, 0, 0, 100, true, 50.0).exitCode())
        .as("nothing ran")
        .isEqualTo(2);
  }

  private static GateVerdict verdict(
      long skipped, double percent, boolean strict, Double minCoverage) {
    return new GateVerdict(0, 0, 0, true, 10, skipped, percent, strict, minCoverage);
  }
}
