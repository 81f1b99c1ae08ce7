package io.octopods.features.cli;

import io.octopods.features.harness.BehaviourCoverage;
import io.octopods.features.harness.Ledger;
import io.octopods.features.harness.Outcome;
import io.octopods.features.harness.SkippedCheck;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * What {@code ./octopods check} prints once the run is over: the counts, every contract breach,
 * broken invariant and failure, the coverage, the files written, every skipped scenario, property
 * and check with its reason, why the gate fails when that is not said above, and last, how many
 * were skipped.
 */
final class GateSummary {
  private GateSummary() {}

  static void print(
      PrintStream out,
      Ledger ledger,
      TestExecutionSummary summary,
      BehaviourCoverage coverage,
      List<String> files,
      GateVerdict verdict) {
    out.printf(
        "%n%d scenarios and properties: %d passed, %d failed, %d skipped; %d exchanges checked%n",
        summary.getTestsStartedCount(),
        summary.getTestsSucceededCount(),
        summary.getTotalFailureCount(),
        summary.getTestsAbortedCount(),
        ledger.exchangeCount());
    ledger
        .interfaces()
        .forEach(
            t ->
                t.breaches()
                    .forEach(
                        b ->
                            out.printf(
                                "  contract breach on %s: %s %s: %s (%s)%n",
                                t.name(),
                                b.breach().contractFile(),
                                b.breach().pointer(),
                                b.breach().message(),
                                b.scenario())));
    ledger
        .broken()
        .forEach(
            (id, list) ->
                list.forEach(
                    v ->
                        out.printf(
                            "  invariant %s broken: %s (%s)%n",
                            id, firstLine(v.message()), v.scenario())));
    for (TestExecutionSummary.Failure f : summary.getFailures()) {
      out.printf(
          "  failed: %s: %s%n",
          f.getTestIdentifier().getDisplayName(),
          firstLine(String.valueOf(f.getException().getMessage())));
    }
    long reached = coverage.transitions().stream().filter(t -> t.count() > 0).count();
    out.printf(
        Locale.ROOT,
        "coverage: %.1f %% of the edge-case cells ran (%d of %d); %d of %d transitions reached%n",
        coverage.percent(),
        coverage.ran(),
        coverage.applicable(),
        reached,
        coverage.transitions().size());
    files.forEach(out::println);
    for (Outcome o : ledger.outcomes()) {
      if (o.status() == Outcome.Status.SKIPPED) {
        out.printf("  skipped: %s: %s%n", o.displayName(), o.headline());
      }
    }
    for (SkippedCheck c : ledger.skippedChecks()) {
      out.printf(
          "  skipped check: %s: %s (in %d scenarios and properties)%n",
          c.check(), c.reason(), c.scenarios().size());
    }
    verdict.gateReasons().forEach(r -> out.println("  " + r));
    out.println(verdict.lastLine());
  }

  /** Scenarios, properties and single checks that could not run. */
  static long skipped(Ledger ledger) {
    return ledger.outcomes().stream().filter(o -> o.status() == Outcome.Status.SKIPPED).count()
        + ledger.skippedChecks().size();
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
