package io.octopods.features.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.octopods.contracts.StatusModel;

/**
 * What a provider does with a message: a library scenario, a script written in the feature, its
 * clock.
 */
public final class ProviderBehaviourSteps {
  private final Scene scene;

  public ProviderBehaviourSteps(Scene scene) {
    this.scene = scene;
  }

  @Given("a(n) {provider} message whose provider plays {string}")
  public void plays(String provider, String scenarioId) {
    recipientFor(provider);
    scene.scenarioId = scenarioId;
    scene.driver.bind(provider, scene.to, scenarioId);
    JsonNode doc = scene.driver.admin().scenario(provider, scenarioId);
    scene.needs = doc.at("/expect/needs").asText("");
  }

  @Given("a(n) {provider} message whose provider behaves as usual")
  public void usual(String provider) {
    plays(provider, provider + "-happy-path");
  }

  /**
   * A scenario written in the feature itself, in the scenario format of the simulators (id and
   * provider optional).
   */
  @Given("a(n) {provider} message whose provider plays this script:")
  public void playsScript(String provider, String script) {
    recipientFor(provider);
    scene.scenarioId = scene.driver.upload(provider, script);
    scene.driver.bind(provider, scene.to, scene.scenarioId);
    scene.needs = script.contains("needs: reconciliation") ? "reconciliation" : "";
  }

  @When("the provider's clock moves on by {string}")
  public void advance(String by) {
    scene.driver.advance(by);
  }

  /**
   * Eight days on the virtual clock: past every scenario's last callback and every provider's retry
   * schedule.
   */
  @When("the provider has played every callback")
  public void playAll() {
    scene.driver.advance("P8D");
  }

  private void recipientFor(String provider) {
    scene.provider = provider;
    scene.channel = StatusModel.channelOf(provider);
    scene.to = scene.driver.freshRecipient();
  }
}
