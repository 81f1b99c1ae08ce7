package io.octopods.features.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;

/**
 * Each scenario starts with clean simulators and ends with every exchange it caused checked against
 * the contracts.
 */
public final class Hooks {
  private final Scene scene;

  public Hooks(Scene scene) {
    this.scene = scene;
  }

  @Before
  public void cleanSimulators(io.cucumber.java.Scenario scenario) {
    scene.harness.ledger().scenario(scenario.getName());
    scene.driver.resetSimulators();
    scene.harness.journals().forget();
  }

  /**
   * Callbacks (simulator -> service) and provider calls (service -> simulators, HubSpot pushes
   * included).
   */
  @After
  public void checkJournals() {
    scene.harness.journals().checkAll();
  }
}
