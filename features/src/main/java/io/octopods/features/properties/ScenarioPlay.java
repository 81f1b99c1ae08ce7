package io.octopods.features.properties;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.features.harness.Harness;
import io.octopods.features.harness.HistoryInvariants;
import io.octopods.features.harness.StackDriver;
import io.octopods.features.harness.SurfaceInvariants;
import io.octopods.features.harness.SurfaceSnapshot;
import io.octopods.features.harness.Wire;
import io.octopods.simulator.SimulatorClient;
import io.qameta.allure.Allure;
import java.util.List;

/**
 * Plays one generated scenario end to end, over HTTP only, the way a feature does: clean
 * simulators, upload the scenario and bind it to a fresh recipient, send through the public API
 * (202), await the hand-off, let the provider's virtual clock run (5 s, then 8 days: past every
 * step and every retry schedule), await quiet. Every surface is read after the hand-off, mid-way
 * and at the end, and the invariants of the harness are checked on the way: between reads (I2, I3,
 * I4, I14), on the settled history (I1-I9, I14), across the surfaces (I1, I2, I3, I4, I9, I10), and
 * every exchange against the contracts.
 */
public final class ScenarioPlay {
  /** Past the last step (10 s) and every simulated retry schedule (WhatsApp: 7 days). */
  static final String SETTLE_CLOCK = "P8D";

  static final String MIDWAY = "5s";

  private final Harness harness;
  private final StackDriver driver;
  private final HistoryInvariants historyInvariants;
  private final SurfaceInvariants surfaceInvariants;

  public ScenarioPlay(Harness harness) {
    this.harness = harness;
    this.driver = harness.driver();
    this.historyInvariants = new HistoryInvariants(harness.ledger());
    this.surfaceInvariants = new SurfaceInvariants(harness.ledger());
  }

  public PlayedMessage play(String property, GeneratedScenario scenario) {
    harness.ledger().scenario(property + ": " + scenario.id());
    attach(scenario);
    driver.resetSimulators();
    harness.journals().forget();
    String provider = scenario.provider();
    String channel = scenario.channel();
    String to = driver.freshRecipient();
    driver.bind(provider, to, driver.upload(provider, scenario.toYaml()));

    JsonNode accepted =
        Wire.json(driver.send(channel, to).then().statusCode(202).extract().response());
    String messageId = accepted.path("message_id").asText();
    driver.awaitHandOff(channel, messageId, to);
    driver.awaitQuiet();
    SurfaceSnapshot handedOff = look(channel, messageId, to, null, "after the hand-off");
    historyInvariants.betweenReads(accepted, handedOff.api());

    driver.advance(MIDWAY);
    driver.awaitQuiet();
    SurfaceSnapshot midway =
        look(channel, messageId, to, handedOff, "after " + MIDWAY + " of callbacks");

    driver.advance(SETTLE_CLOCK);
    driver.awaitQuiet();
    SurfaceSnapshot settled = look(channel, messageId, to, midway, "once the clock has settled");
    List<JsonNode> history = driver.history(channel, messageId);
    historyInvariants.check(channel, settled.api(), history);
    surfaceInvariants.agree(settled, scenario.id() + " (" + messageId + ")");
    List<SimulatorClient.CallbackAttempt> attempts = driver.callbacks(provider);
    harness.journals().checkAll();
    return new PlayedMessage(scenario, to, messageId, settled, history, attempts);
  }

  /**
   * Every surface now; none went back since {@code before} (I2, I3, I4), nor did the API's
   * updated_at (I14).
   */
  private SurfaceSnapshot look(
      String channel, String messageId, String to, SurfaceSnapshot before, String when) {
    SurfaceSnapshot now = driver.snapshot(channel, messageId, to);
    if (before != null) {
      surfaceInvariants.neverWentBack(before, now, when);
      historyInvariants.betweenReads(before.api(), now.api());
    }
    return now;
  }

  private static void attach(GeneratedScenario scenario) {
    if (Allure.getLifecycle().getCurrentTestCaseOrStep().isPresent()) {
      Allure.addAttachment(
          "scenario " + scenario.id(), "application/yaml", scenario.toYaml(), ".yaml");
    }
  }
}
