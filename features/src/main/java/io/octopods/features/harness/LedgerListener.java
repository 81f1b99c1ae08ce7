package io.octopods.features.harness;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Feeds the {@link Ledger} with each scenario's and property's outcome, whatever the engine
 * (Cucumber, jqwik, Jupiter): its names, how it ended and why, its tags, the providers it exercised
 * and how long it ran; and writes the contract report when the run ends, into the folder of {@code
 * octopods.check.report-dir} (default {@code target/contract-report}). Registered through {@code
 * META-INF/services}, so Surefire and {@code ./octopods check} both use it.
 */
public final class LedgerListener implements TestExecutionListener {
  public static final String REPORT_DIR = Harness.PREFIX + "report-dir";

  /** The {@code --features} folders of the run, joined with the path separator. */
  public static final String FEATURE_ROOTS = Harness.PREFIX + "feature-roots";

  private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
  private volatile TestPlan plan;
  private volatile TestCaseNames names = TestCaseNames.ofThisRun();

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    this.plan = plan;
    this.names = TestCaseNames.ofThisRun();
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    if (id.isTest()) {
      startedAt.put(id.getUniqueId(), System.nanoTime());
      Harness.started().ifPresent(h -> h.ledger().testStarted(id.getDisplayName()));
    }
  }

  /**
   * A scenario skipped before it starts; those the tag expression leaves out (Cucumber reports them
   * as skipped) were not asked for, and are not listed.
   */
  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (id.isTest() && (reason == null || !reason.contains("cucumber.filter.tags"))) {
      Harness.started()
          .ifPresent(
              h ->
                  h.ledger()
                      .outcome(outcome(id, Outcome.Status.SKIPPED, reason, null, Set.of(), 0)));
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (!id.isTest()) {
      return;
    }
    Long started = startedAt.remove(id.getUniqueId());
    double seconds = started == null ? 0 : (System.nanoTime() - started) / 1e9;
    Harness.started()
        .ifPresent(
            h -> {
              Throwable thrown = result.getThrowable().orElse(null);
              String message = thrown == null ? null : String.valueOf(thrown.getMessage());
              Outcome.Status status =
                  switch (result.getStatus()) {
                    case SUCCESSFUL -> Outcome.Status.PASSED;
                    case ABORTED -> Outcome.Status.SKIPPED;
                    case FAILED ->
                        thrown instanceof AssertionError
                            ? Outcome.Status.FAILED
                            : Outcome.Status.ERROR;
                  };
              h.ledger()
                  .outcome(
                      outcome(
                          id,
                          status,
                          message,
                          status.failed() ? thrown : null,
                          h.ledger().providersOfTheTest(),
                          seconds));
            });
  }

  private Outcome outcome(
      TestIdentifier id,
      Outcome.Status status,
      String message,
      Throwable thrown,
      Set<String> providers,
      double seconds) {
    Set<String> tags = new LinkedHashSet<>();
    for (TestTag tag : id.getTags()) {
      tags.add(tag.getName().startsWith("@") ? tag.getName().substring(1) : tag.getName());
    }
    return new Outcome(
        names.suite(id, plan),
        names.name(id, plan),
        id.getDisplayName(),
        status,
        message,
        thrown == null ? null : thrown.getClass().getName(),
        thrown == null ? "" : traceOf(thrown),
        tags,
        providers,
        seconds);
  }

  private static String traceOf(Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    return trace.toString();
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
