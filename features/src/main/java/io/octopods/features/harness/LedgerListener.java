package io.octopods.features.harness;

import java.nio.file.Path;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Feeds the {@link Ledger} with each scenario's and property's name and outcome, whatever the
 * engine (Cucumber, jqwik, Jupiter), and writes the contract report when the run ends, into the
 * folder of {@code octopods.check.report-dir} (default {@code target/contract-report}). Registered
 * through {@code META-INF/services}, so Surefire and {@code ./octopods check} both use it.
 */
public final class LedgerListener implements TestExecutionListener {
  public static final String REPORT_DIR = Harness.PREFIX + "report-dir";

  @Override
  public void executionStarted(TestIdentifier id) {
    if (id.isTest()) {
      Harness.started().ifPresent(h -> h.ledger().scenario(id.getDisplayName()));
    }
  }

  /**
   * A scenario skipped before it starts; those the tag expression leaves out (Cucumber reports them
   * as skipped) were not asked for, and are not listed.
   */
  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (id.isTest() && (reason == null || !reason.contains("cucumber.filter.tags"))) {
      Harness.started().ifPresent(h -> h.ledger().outcome(id.getDisplayName(), "skipped", reason));
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (!id.isTest()) {
      return;
    }
    Harness.started()
        .ifPresent(
            h -> {
              String message =
                  result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse(null);
              String status =
                  switch (result.getStatus()) {
                    case SUCCESSFUL -> "passed";
                    case ABORTED -> "skipped";
                    case FAILED -> "failed";
                  };
              h.ledger().outcome(id.getDisplayName(), status, message);
            });
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    Harness.started()
        .ifPresent(
            h ->
                ContractReport.write(
                    h.ledger(),
                    h.target().description(),
                    Path.of(System.getProperty(REPORT_DIR, "target/contract-report"))));
  }
}
