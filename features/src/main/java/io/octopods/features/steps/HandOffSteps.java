package io.octopods.features.steps;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.octopods.features.harness.HistoryInvariants;
import io.octopods.features.harness.StackDriver;
import io.octopods.features.harness.Wire;
import io.octopods.simulator.SimulatorClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-off of a message to its provider, seen from the provider's side: callbacks that overtake
 * the send answer (D1, I15), and how many send attempts the provider received (D1 timeouts are not
 * re-sent, G1 retries).
 */
public final class HandOffSteps {
  private final Scene scene;

  public HandOffSteps(Scene scene) {
    this.scene = scene;
  }

  /**
   * D1, I15: the message is sent through the API; as soon as the provider has the send request, and
   * while its answer is still held back ({@code send.delay}), the provider's clock moves on by
   * {@code by}, so the callbacks due by then reach the service before it knows the provider's id.
   * Then the hand-off is awaited.
   */
  @When("the message is sent and the provider reports within {string} before it answers the send")
  public void sendWithEarlyCallbacks(String by) {
    scene.orphansBefore = scene.driver.health().at("/pending/orphans").asLong();
    scene.accepted =
        Wire.json(
            scene.driver.send(scene.channel, scene.to).then().statusCode(202).extract().response());
    scene.messageId = scene.accepted.path("message_id").asText();
    await("the " + scene.provider + " simulator received the send of " + scene.messageId)
        .atMost(StackDriver.SETTLE)
        .pollInterval(Duration.ofMillis(10))
        .pollInSameThread()
        .until(() -> !scene.driver.simMessages(scene.provider, scene.to).isEmpty());
    List<SimulatorClient.Fired> fired = scene.driver.advance(by).fired();
    long stillHandingOff = scene.driver.health().at("/pending/handoff").asLong();
    if (fired.isEmpty()) {
      throw new AssertionError(
          "no callback was due within " + by + " of the send: the script has no early callback");
    }
    if (stillHandingOff == 0) {
      throw new AssertionError(
          "the send call had already been answered when the early callbacks fired; the script's "
              + "send.delay must be longer (fired: "
              + fired
              + ")");
    }
    for (SimulatorClient.Fired f : fired) {
      if (f.responseCode().orElse(0) / 100 != 2) {
        throw new AssertionError(
            "an early callback was answered "
                + f.responseCode().orElse(0)
                + " (a report for an id not known yet must be kept and answered 200): "
                + f);
      }
    }
    scene.driver.awaitHandOff(scene.channel, scene.messageId, scene.to);
    new HistoryInvariants(scene.harness.ledger())
        .betweenReads(scene.accepted, scene.driver.message(scene.channel, scene.messageId));
    scene.look("after the hand-off");
  }

  /**
   * D1 (timeouts are not re-sent blindly), G1 (throttled attempts are retried): attempts the
   * provider received.
   */
  @Then("the provider received the send {int} time(s)")
  public void sendAttempts(int n) {
    List<SimulatorClient.Message> messages = scene.driver.simMessages(scene.provider, scene.to);
    int attempts = messages.stream().mapToInt(SimulatorClient.Message::attempts).sum();
    if (messages.size() != 1 || attempts != n) {
      throw new AssertionError(
          "expected one message with "
              + n
              + " send attempt(s) at the "
              + scene.provider
              + " simulator, found "
              + messages);
    }
  }

  /**
   * D4: the provider made {@code made} messages of one of ours (a send it answered with an error
   * had been accepted); the API names {@code named} of their ids ({@code provider_message_id} and
   * {@code other_provider_message_ids}), each one the provider made; when it names more than one,
   * the history says which report revealed a duplicate send; the reports of a message it cannot
   * name are kept as orphans.
   */
  @Then("the provider made {int} messages of it, and the API names {int} of their ids")
  public void providerMessages(int made, int named) {
    List<String> madeIds =
        scene.driver.simMessages(scene.provider, scene.to).stream()
            .map(SimulatorClient.Message::providerMessageId)
            .toList();
    JsonNode message = scene.driver.message(scene.channel, scene.messageId());
    List<String> namedIds = new ArrayList<>();
    if (message.path("provider_message_id").isTextual()) {
      namedIds.add(message.path("provider_message_id").asText());
    }
    message.path("other_provider_message_ids").forEach(id -> namedIds.add(id.asText()));
    if (madeIds.size() != made || namedIds.size() != named || !madeIds.containsAll(namedIds)) {
      throw new AssertionError(
          "expected the "
              + scene.provider
              + " simulator to hold "
              + made
              + " messages for "
              + scene.to
              + " and the API to name "
              + named
              + " of their ids; the simulator holds "
              + madeIds
              + ", the API names "
              + namedIds);
    }
    if (named > 1) {
      boolean said =
          scene.driver.history(scene.channel, scene.messageId).stream()
              .anyMatch(e -> e.path("detail").asText("").contains("duplicate send"));
      if (!said) {
        throw new AssertionError(
            "the history of "
                + scene.messageId
                + " does not say which report revealed the "
                + "duplicate send: "
                + scene.driver.history(scene.channel, scene.messageId));
      }
    }
    if (named < made
        && scene.driver.health().at("/pending/orphans").asLong() <= scene.orphansBefore) {
      throw new AssertionError(
          "the reports of the provider message the API does not name were not kept as orphans");
    }
  }
}
