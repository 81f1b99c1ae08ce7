package io.octopods.features.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.octopods.features.harness.StackDriver;
import io.octopods.features.harness.Wire;
import io.octopods.simulator.SimulatorClient;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * What each surface shows beyond the status itself: Intercom's label and icon, HubSpot's newest
 * event (its time and failure reason), Reach's current step, and the polling advice of the API
 * ({@code Retry-After}).
 */
public final class SurfaceSteps {
  private final Scene scene;

  public SurfaceSteps(Scene scene) {
    this.scene = scene;
  }

  /** I1: the Inbox's "Delivery Status" field (section 5 of status-model.md, icons of api.md). */
  @Then("Intercom's Inbox shows {string} with the icon {string}")
  public void inbox(String label, String icon) {
    scene.driver.awaitQuiet();
    JsonNode d =
        Wire.json(
                scene
                    .driver
                    .wire()
                    .api()
                    .when()
                    .get("/surfaces/intercom/messages/" + scene.messageId())
                    .then()
                    .statusCode(200)
                    .extract()
                    .response())
            .path("delivery_status");
    if (!label.equals(d.path("label").asText()) || !icon.equals(d.path("icon").asText())) {
      throw new AssertionError(
          "expected Intercom's Inbox to show '" + label + "' (" + icon + ") but it shows " + d);
    }
  }

  /** I1: Reach's current step, and whether it closed the timeline. */
  @Then("Reach's current step is {string}")
  public void reachCurrent(String step) {
    scene.driver.awaitQuiet();
    JsonNode reach = scene.look("Reach's current step").reach();
    if (!step.equals(reach.path("current").asText())) {
      throw new AssertionError(
          "expected Reach's current step '" + step + "' but Reach shows " + reach);
    }
  }

  /**
   * I10, I14: the newest HubSpot event of the message (on HubSpot's timeline: by its time) shows
   * the API's status, was stamped with the API's {@code updated_at}, and carries the failure reason
   * as {@code "code: title"} (or {@code ""}).
   */
  @Then("HubSpot's newest event carries the API's status, time and failure reason")
  public void hubspotNewest() {
    scene.driver.awaitQuiet();
    JsonNode message = scene.driver.message(scene.channel, scene.messageId());
    JsonNode ms = message.path("message_status");
    List<SimulatorClient.TimelineEvent> mine =
        scene.driver.hubspotTimeline(scene.messageId, scene.to);
    if (mine.isEmpty()) {
      throw new AssertionError(
          "HubSpot holds no event of message "
              + scene.messageId
              + " for "
              + StackDriver.emailOf(scene.to));
    }
    SimulatorClient.TimelineEvent newest = mine.get(mine.size() - 1);
    JsonNode tokens = newest.tokens();
    String where = "; newest HubSpot event " + newest + ", API " + message;
    scene
        .harness
        .ledger()
        .invariant(
            "I10",
            ms.path("message_status").asText().equals(tokens.path("status").asText()),
            "HubSpot's newest event does not show the API's status" + where);
    Instant updated = instant(ms.path("updated_at").asText());
    scene
        .harness
        .ledger()
        .invariant(
            "I14",
            updated != null
                && updated.equals(instant(tokens.path("updated_at").asText()))
                && updated.equals(newest.timestamp()),
            "HubSpot's newest event is not stamped with " + "updated_at" + where);
    JsonNode reason = ms.path("failure_reason");
    String shown = tokens.path("failure_reason").asText();
    boolean agrees;
    if (!reason.isObject()) {
      agrees = shown.isEmpty();
    } else if (reason.path("code").isNull()) {
      agrees = shown.endsWith(reason.path("title").asText());
    } else {
      agrees = shown.equals(reason.path("code").asText() + ": " + reason.path("title").asText());
    }
    scene
        .harness
        .ledger()
        .invariant(
            "I10",
            agrees,
            "HubSpot's failure_reason '" + shown + "' does not match the API's " + reason + where);
  }

  /**
   * api.md: a {@code GET} of one message that is not terminal carries {@code Retry-After} (whole
   * seconds).
   */
  @Then("polling the message is advised to wait {int} seconds")
  public void retryAfter(int seconds) {
    Optional<String> header = Optional.ofNullable(poll().getHeader("Retry-After"));
    if (!header.equals(Optional.of(String.valueOf(seconds)))) {
      throw new AssertionError(
          "expected Retry-After: " + seconds + " on the message, found " + header.orElse("none"));
    }
  }

  @Then("polling the message is advised to stop")
  public void noRetryAfter() {
    Response answer = poll();
    if (answer.getHeader("Retry-After") != null
        || !Wire.json(answer).at("/message_status/terminal").asBoolean()) {
      throw new AssertionError(
          "expected a terminal message without Retry-After, found Retry-After "
              + answer.getHeader("Retry-After")
              + " on "
              + answer.asString());
    }
  }

  private Response poll() {
    scene.driver.awaitQuiet();
    return scene
        .driver
        .wire()
        .api()
        .when()
        .get("/api/v1/" + scene.channel + "/messages/" + scene.messageId())
        .then()
        .statusCode(200)
        .extract()
        .response();
  }

  private static Instant instant(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
