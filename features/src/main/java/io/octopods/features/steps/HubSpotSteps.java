package io.octopods.features.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.octopods.features.harness.StackDriver;
import java.util.List;

/**
 * HubSpot's side of a message beyond its timeline: HubSpot refusing a contact's events (the
 * simulator's refusals), the dead letters the service keeps for them, and queuing them again
 * through the public API.
 */
public final class HubSpotSteps {
  static final String DEAD_LETTERS = "/api/v1/surfaces/hubspot/dead-letters";

  private final Scene scene;

  public HubSpotSteps(Scene scene) {
    this.scene = scene;
  }

  @Given("HubSpot refuses every event for the message's contact with {int}")
  public void refuse(int status) {
    scene.driver.admin().refuse(StackDriver.emailOf(scene.to), status);
  }

  @When("HubSpot takes the contact's events again")
  public void lift() {
    scene.driver.admin().liftRefusals();
  }

  /**
   * Once quiet: the message's dead letters, oldest first, name these statuses, each with HubSpot's
   * status.
   */
  @Then("HubSpot's dead letters of the message are {string}, each answered {int}")
  public void deadLetters(String statuses, int httpStatus) {
    scene.driver.awaitQuiet();
    List<JsonNode> dead = scene.driver.hubspotDeadLetters(scene.messageId());
    List<String> shown = dead.stream().map(d -> d.path("status").asText()).toList();
    if (!List.of(statuses.split(",\\s*")).equals(shown)) {
      throw new AssertionError(
          "expected the dead letters "
              + statuses
              + " of message "
              + scene.messageId
              + " but the service lists "
              + dead);
    }
    for (JsonNode d : dead) {
      if (d.path("http_status").asInt() != httpStatus
          || !d.path("event_id")
              .asText()
              .equals(scene.messageId + "-" + d.path("status").asText())) {
        throw new AssertionError(
            "expected each dead letter answered "
                + httpStatus
                + " with event_id <message_id>-"
                + "<STATUS>, found "
                + d);
      }
    }
    long counted = scene.driver.health().at("/dead/hubspot").asLong();
    if (counted < dead.size()) {
      throw new AssertionError(
          "/health counts "
              + counted
              + " HubSpot dead letters, fewer than the "
              + dead.size()
              + " of this message");
    }
  }

  /**
   * Each dead letter of the message is in its history: source hubspot, not applied, reason
   * dead_letter.
   */
  @Then("the message's history records each of its HubSpot dead letters")
  public void historyRecordsThem() {
    List<String> dead =
        scene.driver.hubspotDeadLetters(scene.messageId()).stream()
            .map(d -> d.path("status").asText())
            .toList();
    List<JsonNode> recorded =
        scene.driver.history(scene.channel, scene.messageId).stream()
            .filter(e -> "hubspot".equals(e.path("source").asText()))
            .toList();
    List<String> statuses = recorded.stream().map(e -> e.path("mapped_status").asText()).toList();
    boolean wellFormed =
        recorded.stream()
            .allMatch(
                e ->
                    !e.path("applied").asBoolean()
                        && "dead_letter".equals(e.path("reason").asText()));
    if (!statuses.equals(dead) || !wellFormed) {
      throw new AssertionError(
          "expected the history to record the dead letters "
              + dead
              + " (source hubspot, "
              + "applied false, reason dead_letter), but it holds "
              + recorded);
    }
  }

  @When("every HubSpot dead letter of the workspace is queued again")
  public void retryAll() {
    int listed = scene.driver.hubspotDeadLetters(scene.messageId()).size();
    int requeued =
        scene
            .driver
            .wire()
            .api()
            .when()
            .post(DEAD_LETTERS + "/retry")
            .then()
            .statusCode(202)
            .extract()
            .path("requeued");
    if (requeued < listed) {
      throw new AssertionError(
          "queued "
              + requeued
              + " dead letters again, fewer than the "
              + listed
              + " of message "
              + scene.messageId);
    }
  }

  @Then("no HubSpot dead letter of the message is left")
  public void noneLeft() {
    scene.driver.awaitQuiet();
    List<JsonNode> left = scene.driver.hubspotDeadLetters(scene.messageId());
    if (!left.isEmpty()) {
      throw new AssertionError(
          "expected no dead letter of message "
              + scene.messageId
              + " but the service lists "
              + left);
    }
  }
}
