package io.octopods.features.steps;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.octopods.features.harness.HistoryInvariants;
import io.octopods.features.harness.SurfaceInvariants;
import io.octopods.features.harness.SurfaceSnapshot;
import io.octopods.features.harness.Target;
import io.octopods.features.harness.Wire;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.opentest4j.TestAbortedException;

/** A message through the public API, and its status on every surface. */
public final class MessageSteps {
  private final Scene scene;

  public MessageSteps(Scene scene) {
    this.scene = scene;
  }

  @When("the message is sent")
  public void send() {
    scene.orphansBefore = scene.driver.health().at("/pending/orphans").asLong();
    scene.accepted =
        Wire.json(
            scene.driver.send(scene.channel, scene.to).then().statusCode(202).extract().response());
    scene.messageId = scene.accepted.path("message_id").asText();
    scene.driver.awaitHandOff(scene.channel, scene.messageId, scene.to);
    new HistoryInvariants(scene.harness.ledger())
        .betweenReads(scene.accepted, scene.driver.message(scene.channel, scene.messageId));
    scene.look("after the hand-off");
  }

  @Then("the API shows {status}")
  public void apiShows(String status) {
    String shown =
        scene
            .driver
            .message(scene.channel, scene.messageId())
            .at("/message_status/message_status")
            .asText();
    if (!status.equals(shown)) {
      throw new AssertionError("expected the API to show " + status + " but it shows " + shown);
    }
  }

  /**
   * Once the service is quiet, the message shows {@code status} on the API, HubSpot, Intercom's
   * Inbox and Reach, and its history obeys every rule of status-model.md (I1-I10, I14).
   */
  @Then("every surface shows {status}")
  public void everySurfaceShows(String status) {
    awaitTimersIfNeeded(status);
    scene.driver.awaitQuiet();
    SurfaceSnapshot now = scene.look("once quiet");
    List<JsonNode> history = scene.driver.history(scene.channel, scene.messageId());
    new HistoryInvariants(scene.harness.ledger()).check(scene.channel, now.api(), history);
    new SurfaceInvariants(scene.harness.ledger())
        .agree(now, scene.scenarioId + " (" + scene.messageId + ")");
    if (!status.equals(now.apiStatus())) {
      throw new AssertionError(
          "expected "
              + status
              + " on every surface, but the API shows "
              + now.apiStatus()
              + " ("
              + scene.scenarioId
              + "); history "
              + history);
    }
  }

  /** The final status the played library scenario states in its {@code expect} block. */
  @Then("every surface shows what the scenario expects")
  public void everySurfaceShowsExpected() {
    JsonNode doc = scene.driver.admin().scenario(scene.provider, scene.scenarioId);
    String expected = doc.at("/expect/status").asText("");
    if (expected.isEmpty()) {
      throw new AssertionError("scenario " + scene.scenarioId + " states no expect.status");
    }
    everySurfaceShows(expected);
    if (doc.at("/expect").has("failure_code")) {
      JsonNode code = doc.at("/expect/failure_code");
      JsonNode reason =
          scene
              .driver
              .message(scene.channel, scene.messageId())
              .at("/message_status/failure_reason");
      String shown = reason.path("code").isNull() ? null : reason.path("code").asText();
      String wanted = code.isNull() ? null : code.asText();
      if (!Objects.equals(shown, wanted)) {
        throw new AssertionError(
            "expected failure code " + wanted + " but the API shows " + reason);
      }
    }
  }

  @Then("the failure reason has code {string}")
  public void failureCode(String code) {
    JsonNode reason =
        scene.driver.message(scene.channel, scene.messageId()).at("/message_status/failure_reason");
    if (!code.equals(reason.path("code").asText())) {
      throw new AssertionError("expected failure code " + code + " but the API shows " + reason);
    }
  }

  @Then("the failure reason has no code and reads {string}")
  public void failureWithoutCode(String title) {
    JsonNode reason =
        scene.driver.message(scene.channel, scene.messageId()).at("/message_status/failure_reason");
    if (!reason.path("code").isNull() || !title.equals(reason.path("title").asText())) {
      throw new AssertionError(
          "expected a failure without code titled '" + title + "' but the API shows " + reason);
    }
  }

  @Then("HubSpot's timeline shows {string}")
  public void hubspotShows(String statuses) {
    scene.driver.awaitQuiet();
    List<String> expected = List.of(statuses.split(",\\s*"));
    List<String> shown = scene.look("HubSpot's timeline").hubspot();
    if (!expected.equals(shown)) {
      throw new AssertionError(
          "expected HubSpot's events " + expected + " but HubSpot holds " + shown);
    }
  }

  @Then("Reach lists the steps {string}")
  public void reachSteps(String steps) {
    scene.driver.awaitQuiet();
    JsonNode reach = scene.look("Reach's timeline").reach();
    StringBuilder shown = new StringBuilder();
    for (JsonNode s : reach.path("steps")) {
      shown
          .append(shown.length() == 0 ? "" : ", ")
          .append(s.path("step").asText())
          .append(s.path("implied").asBoolean() ? " (implied)" : "");
    }
    if (!steps.contentEquals(shown)) {
      throw new AssertionError(
          "expected Reach's steps '" + steps + "' but Reach lists '" + shown + "'");
    }
  }

  /**
   * A scenario that needs the service's own reconciliation (E1) waits for it when the target's
   * timer is short enough ({@code /health}'s {@code timers.reconcile_after}), and is skipped with
   * the reason otherwise.
   */
  private void awaitTimersIfNeeded(String status) {
    if (!"reconciliation".equals(scene.needs)) {
      return;
    }
    JsonNode after = scene.driver.health().at("/timers/reconcile_after");
    Duration wait = after.isTextual() ? Duration.parse(after.asText()).multipliedBy(10) : null;
    if (wait == null || wait.compareTo(Target.LONGEST_TIMER_WAIT) > 0) {
      String reason =
          "needs the service's reconciliation, and the target's reconcile_after ("
              + (after.isTextual() ? after.asText() : "not shown in /health")
              + ") is too slow to wait for (limit "
              + Target.LONGEST_TIMER_WAIT.dividedBy(10)
              + ")";
      throw new TestAbortedException(reason);
    }
    await("reconciliation of " + scene.messageId)
        .atMost(wait.plusSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .pollInSameThread()
        .until(
            () ->
                status.equals(
                    scene
                        .driver
                        .message(scene.channel, scene.messageId)
                        .at("/message_status/message_status")
                        .asText()));
  }
}
