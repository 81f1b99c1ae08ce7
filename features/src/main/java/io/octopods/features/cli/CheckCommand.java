package io.octopods.features.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.octopods.features.harness.BehaviourCoverage;
import io.octopods.features.harness.EdgeCaseRows;
import io.octopods.features.harness.Harness;
import io.octopods.features.harness.JUnitXmlReport;
import io.octopods.features.harness.Ledger;
import io.octopods.features.harness.LedgerListener;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./octopods check}: the features and the end-to-end properties against a running service
 * (or a local stack); into {@code --report-dir} the contract report (JSON and Markdown), the JUnit
 * XML, the Allure results and their HTML report; a summary printed, its last line the number of
 * skips. Exit 0 when everything holds, 1 when a contract or an invariant is broken, a scenario
 * fails, something was skipped under {@code --strict} or the coverage is below {@code
 * --min-coverage}, 2 for usage or infrastructure errors.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Runs the features and properties against a service and writes the contract report.")
public final class CheckCommand implements Callable<Integer> {
  static final String PROPERTIES_PACKAGE = "io.octopods.features.properties";

  @Mixin TargetOptions targetOptions = new TargetOptions();

  @Option(
      names = "--tags",
      description = "a Cucumber tag expression, e.g. '@whatsapp and not @slow'")
  String tags;

  @Option(names = "--features", description = "a folder of more feature files (repeatable)")
  List<Path> features = new ArrayList<>();

  @Option(
      names = "--skip-properties",
      description = "run the features only, not the end-to-end properties")
  boolean skipProperties;

  @Option(
      names = "--report-dir",
      description =
          "where the reports go: contract-report.json and .md, junit.xml, allure-results/,"
              + " allure-report/index.html (default ${DEFAULT-VALUE})")
  Path reportDir = Path.of("reports", "target", "check");

  @Option(
      names = "--strict",
      description = "a skipped scenario, property or check fails the gate (exit 1)")
  boolean strict;

  @Option(
      names = "--min-coverage",
      paramLabel = "P",
      description =
          "exit 1 when less than P percent of the edge-case cells (docs/edge-cases.md rows by"
              + " provider) ran")
  Double minCoverage;

  @Option(names = "--no-html", description = "do not make allure-report/index.html")
  boolean noHtml;

  @Override
  public Integer call() {
    String problem = targetOptions.problem();
    if (problem != null) {
      System.err.println("octopods check: " + problem);
      return 2;
    }
    if (minCoverage != null && (minCoverage < 0 || minCoverage > 100)) {
      System.err.println("octopods check: --min-coverage is a percentage, 0 to 100");
      return 2;
    }
    Map<String, String> options = new LinkedHashMap<>();
    options.put("report-dir", reportDir.toAbsolutePath().toString());
    options.put(
        "feature-roots",
        features.stream()
            .map(f -> f.toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator)));
    targetOptions.applyTo(options);
    if (System.getProperty("allure.results.directory") == null) {
      Path results = reportDir.resolve("allure-results").toAbsolutePath();
      emptyFolder(results); // this run's results only
      System.setProperty("allure.results.directory", results.toString());
    }
    try {
      Files.createDirectories(reportDir);
      if (noHtml) {
        Files.deleteIfExists(reportDir.resolve("allure-report").resolve("index.html"));
      }
    } catch (IOException e) {
      System.err.println(
          "octopods check: cannot write the report into " + reportDir + ": " + e.getMessage());
      return 2;
    }
    Harness harness;
    try {
      harness = Harness.get();
    } catch (RuntimeException e) {
      System.err.println("octopods check: " + e.getMessage());
      return 2;
    }
    System.out.println("octopods check: " + harness.target().description());

    List<DiscoverySelector> selectors = new ArrayList<>();
    selectors.add(selectPackage("features"));
    features.forEach(f -> selectors.add(selectDirectory(f.toFile())));
    if (!skipProperties) {
      selectors.add(selectPackage(PROPERTIES_PACKAGE));
    }
    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectors)
            .configurationParameter(
                "jqwik.database", reportDir.resolve("jqwik-database").toAbsolutePath().toString());
    if (skipProperties) {
      request.filters(EngineFilter.excludeEngines("jqwik"));
    }
    if (tags != null && !tags.isBlank()) {
      request.configurationParameter("cucumber.filter.tags", tags);
    }
    LauncherDiscoveryRequest built = request.build();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LauncherFactory.create().execute(built, summary);
    return report(harness, summary.getSummary());
  }

  /** Writes the JUnit XML and the HTML report, prints the summary, and answers the exit code. */
  private int report(Harness harness, TestExecutionSummary summary) {
    Ledger ledger = harness.ledger();
    BehaviourCoverage coverage = BehaviourCoverage.of(ledger, EdgeCaseRows.shipped());
    Path dir = Path.of(System.getProperty(LedgerListener.REPORT_DIR));
    Path results = Path.of(System.getProperty("allure.results.directory"));
    List<String> files = new ArrayList<>();
    files.add("contract report: " + dir.resolve("contract-report.md") + " (and .json)");
    files.add("JUnit XML: " + JUnitXmlReport.write(ledger, dir));
    files.add("Allure results: " + results);
    String htmlProblem = null;
    if (noHtml) {
      files.add("HTML report: not made (--no-html)");
    } else {
      try {
        files.add(
            "HTML report: "
                + AllureHtmlReport.make(
                    results, dir.resolve("allure-report"), harness.target().description()));
      } catch (IOException | RuntimeException e) {
        htmlProblem = "the HTML report could not be made: " + e.getMessage();
        files.add("HTML report: not made: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        htmlProblem = "interrupted while making the HTML report";
        files.add("HTML report: not made: interrupted");
      }
    }
    GateVerdict verdict =
        new GateVerdict(
            ledger.breachCount(),
            ledger.violationCount(),
            summary.getTotalFailureCount(),
            infrastructureOnly(summary),
            summary.getTestsStartedCount(),
            GateSummary.skipped(ledger),
            coverage.percent(),
            strict,
            minCoverage);
    GateSummary.print(System.out, ledger, summary, coverage, files, verdict);
    int exit = verdict.exitCode();
    if (summary.getTestsStartedCount() == 0) {
      System.err.println("octopods check: no scenario matched (--tags " + tags + ")");
    }
    if (htmlProblem != null && exit == 0) {
      System.err.println("octopods check: " + htmlProblem);
      return 2;
    }
    return exit;
  }

  private static boolean infrastructureOnly(TestExecutionSummary summary) {
    for (TestExecutionSummary.Failure f : summary.getFailures()) {
      String message = String.valueOf(f.getException().getMessage());
      if (!message.startsWith("infrastructure:") && !causedByConnection(f.getException())) {
        return false;
      }
    }
    return true;
  }

  private static void emptyFolder(Path dir) {
    try (var files = Files.list(dir)) {
      files.filter(Files::isRegularFile).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // no folder yet: nothing to empty
    }
  }

  private static boolean causedByConnection(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof java.net.ConnectException
          || c instanceof java.net.SocketTimeoutException
          || c instanceof java.net.http.HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
