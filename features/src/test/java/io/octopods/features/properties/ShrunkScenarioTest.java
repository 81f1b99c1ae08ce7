package io.octopods.features.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What a failing end-to-end property prints: jqwik shrinks the generated scenario to a minimal one
 * and prints it as a scenario document that the simulator accepts as it is, so it can be saved into
 * the library. The property run here fails on purpose, on the generators alone (no stack): it calls
 * any conflict of outcomes (I8's situation, a failure and a delivery for one message) a failure,
 * the smallest reproduction a QA engineer would want from {@link EndToEndProperties}.
 */
class ShrunkScenarioTest {

  /**
   * Falsified by every conflict; run only through the launcher below (a nested class, which
   * Surefire skips).
   */
  static class ConflictsFailOnPurpose {
    static final List<GeneratedScenario> FALSIFIED = new CopyOnWriteArrayList<>();

    @Property(tries = 1000, seed = "20261127")
    boolean noConflict(@ForAll("scenarios") GeneratedScenario scenario) {
      boolean conflicting = StatusOracle.expect(scenario).conflicting();
      if (conflicting) {
        FALSIFIED.add(scenario);
      }
      return !conflicting;
    }

    @Provide
    Arbitrary<GeneratedScenario> scenarios() {
      return ScenarioArbitraries.scenarios();
    }
  }

  @Test
  void aFailingPropertyPrintsAMinimalScenarioTheSimulatorAccepts(@TempDir Path dir) {
    List<String> reported = new ArrayList<>();
    List<TestExecutionResult> results = new ArrayList<>();
    TestExecutionListener listener =
        new TestExecutionListener() {
          @Override
          public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
            reported.addAll(entry.getKeyValuePairs().values());
          }

          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
              results.add(result);
            }
          }
        };
    // no auto-registered listeners: this failure on purpose stays out of the build's Allure results
    LauncherConfig config =
        LauncherConfig.builder()
            .enableTestExecutionListenerAutoRegistration(false)
            .enableLauncherSessionListenerAutoRegistration(false)
            .build();
    LauncherFactory.create(config)
        .execute(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ConflictsFailOnPurpose.class))
                .filters(EngineFilter.includeEngines("jqwik"))
                .configurationParameter("jqwik.database", dir.resolve("jqwik-database").toString())
                .configurationParameter("jqwik.reporting.usejunitplatform", "true")
                .build(),
            listener);

    assertThat(results)
        .singleElement()
        .extracting(TestExecutionResult::getStatus)
        .isEqualTo(TestExecutionResult.Status.FAILED);
    GeneratedScenario shrunk =
        ConflictsFailOnPurpose.FALSIFIED.get(ConflictsFailOnPurpose.FALSIFIED.size() - 1);

    assertThat(shrunk.callbacks())
        .as("two reports are the least that conflict")
        .hasSize(2)
        .allSatisfy(
            step -> {
              assertThat(step.atMillis()).isZero();
              assertThat(step.repeat()).isOne();
              assertThat(step.delivery()).isEqualTo(Delivery.VALID);
            });
    assertThat(shrunk.provider()).isEqualTo("twilio");
    assertThat(shrunk.send()).isEqualTo(SendResponse.ACCEPT);
    String printed = shrunkSampleIn(String.join("\n", reported));
    assertThat(printed)
        .as("jqwik prints the shrunk sample as a scenario document")
        .isEqualTo(shrunk.toYaml());

    try (Simulators simulators = Simulators.start(SimulatorSettings.forTests("virtual"))) {
      SimulatorClient.Uploaded saved = simulators.client().upload("twilio", printed);
      assertThat(saved.id())
          .as("the simulator takes the printed document as a scenario")
          .isEqualTo(shrunk.id());
      assertThat(simulators.client().scenario("twilio", saved.id()).path("callbacks")).hasSize(2);
    }
  }

  /**
   * The document under jqwik's "Shrunk Sample" heading, without the indentation jqwik adds to it.
   */
  private static String shrunkSampleIn(String report) {
    int heading = report.indexOf("Shrunk Sample");
    assertThat(heading).as(report).isNotNegative();
    String block =
        report.substring(report.indexOf("  scenario:\n", heading) + "  scenario:\n".length());
    StringBuilder doc = new StringBuilder();
    for (String line : block.split("\n", -1)) {
      if (!line.startsWith("    ")) {
        break;
      }
      doc.append(line.substring(4)).append('\n');
    }
    return doc.toString();
  }
}
