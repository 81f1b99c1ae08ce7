package io.octopods.features.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gate's exit code from what a run found: 1 when a contract or an invariant is broken, a
 * scenario failed, something was skipped under {@code --strict}, or the coverage is below {@code
 * --min-coverage}; 2 when only the infrastructure failed or nothing ran; else 0. It also says why,
 * and gives the summary's last line, which always counts the skips.
 *
 * @param breaches contract breaches
 * @param violations broken invariants
 * @param failures scenarios and properties that failed
 * @param infrastructureOnly every failure was the target or a simulator not answering
 * @param ran scenarios and properties that started
 * @param skipped scenarios, properties and single checks that could not run
 * @param percent the edge-case coverage of the run
 * @param strict whether a skip fails the gate
 * @param minCoverage the least coverage that passes, when asked for
 */
record GateVerdict(
    long breaches,
    long violations,
    long failures,
    boolean infrastructureOnly,
    long ran,
    long skipped,
    double percent,
    boolean strict,
    Double minCoverage) {

  int exitCode() {
    if (breaches > 0 || violations > 0) {
      return 1;
    }
    if (failures > 0) {
      return infrastructureOnly ? 2 : 1;
    }
    if (ran == 0) {
      return 2;
    }
    if ((strict && skipped > 0) || belowMinimum()) {
      return 1;
    }
    return 0;
  }

  private boolean belowMinimum() {
    return minCoverage != null && percent < minCoverage;
  }

  /** The reasons of a failing verdict that the rest of the summary does not already give. */
  List<String> gateReasons() {
    List<String> reasons = new ArrayList<>();
    if (strict && skipped > 0) {
      reasons.add("--strict: " + skipped + " skipped (listed above) fail the gate");
    }
    if (belowMinimum()) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "coverage %.1f %% is below --min-coverage %s",
              percent,
              minCoverage.toString().replaceAll("\\.0$", "")));
    }
    return reasons;
  }

  /** The summary's last line. */
  String lastLine() {
    if (strict) {
      return "skipped: " + skipped + (skipped > 0 ? " (--strict: a skip fails the gate)" : "");
    }
    return "skipped: " + skipped + (skipped > 0 ? " (run with --strict to fail on skips)" : "");
  }
}
