package io.octopods.features.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The details each history event keeps of one provider report: its error code (B2, C6), the
 * provider's own time (K1, K2), where it came from (E1: reconciliation), how many of one word
 * arrived (C1, C5), and the moment the message's current status was reached (I14).
 */
public final class ReportDetailSteps {
  private final Scene scene;

  public ReportDetailSteps(Scene scene) {
    this.scene = scene;
  }

  /**
   * B2, C6: an error code, once recorded, is never erased, even on a report that was not applied.
   */
  @Then("the history keeps the error code {string} on the {string} report")
  public void errorCodeKept(String code, String word) {
    List<JsonNode> matching = reports(word);
    if (matching.stream().noneMatch(e -> code.equals(e.at("/error/code").asText(null)))) {
      throw new AssertionError(
          "expected a '"
              + word
              + "' report with error code "
              + code
              + " in the history, found "
              + matching);
    }
  }

  /**
   * C1, C5: how many reports of one provider word the history holds (each copy is its own event).
   */
  @Then("the history records {int} {string} report(s)")
  public void countOf(int n, String word) {
    List<JsonNode> matching = reports(word);
    if (matching.size() != n) {
      throw new AssertionError(
          "expected "
              + n
              + " '"
              + word
              + "' reports in the history, found "
              + matching.size()
              + ": "
              + matching);
    }
  }

  /**
   * K1: Twilio's RawDlrDoneDate (YYMMDDhhmm, no time zone) is kept raw, never parsed into the
   * report's time.
   */
  @Then("no report in the history carries a provider time")
  public void noProviderTime() {
    List<JsonNode> timed =
        callbacks().stream().filter(e -> !e.path("provider_timestamp").isNull()).toList();
    if (!timed.isEmpty()) {
      throw new AssertionError(
          "expected no provider time on any report (RawDlrDoneDate is not an event time), found "
              + timed);
    }
  }

  /**
   * K2: the provider's time, in seconds or milliseconds, normalised to RFC 3339 and kept as data.
   */
  @Then("a {string} report keeps the provider time {string}")
  public void providerTime(String word, String time) {
    Instant wanted = Instant.parse(time);
    List<JsonNode> matching = reports(word);
    boolean found =
        matching.stream()
            .anyMatch(e -> wanted.equals(instant(e.path("provider_timestamp").asText(""))));
    if (!found) {
      throw new AssertionError(
          "expected a '"
              + word
              + "' report with provider time "
              + time
              + ", the history has "
              + matching);
    }
  }

  /** E1: the reconciliation asked the provider and applied what it answered. */
  @Then("the reconciliation found {string} and applied it")
  public void reconciled(String word) {
    List<JsonNode> found =
        scene.driver.history(scene.channel, scene.messageId()).stream()
            .filter(e -> "reconciliation".equals(e.path("source").asText()))
            .toList();
    if (found.stream()
        .noneMatch(
            e ->
                word.equals(e.path("provider_status").asText()) && e.path("applied").asBoolean())) {
      throw new AssertionError(
          "expected an applied reconciliation event '" + word + "', the history has " + found);
    }
  }

  /**
   * I14: {@code updated_at} is the moment the report that set the current status was applied, not a
   * later one.
   */
  @Then("updated_at is the moment the {string} report was applied")
  public void updatedAtOf(String word) {
    JsonNode message = scene.driver.message(scene.channel, scene.messageId());
    Instant updated = instant(message.at("/message_status/updated_at").asText());
    List<JsonNode> applied =
        reports(word).stream().filter(e -> e.path("applied").asBoolean()).toList();
    if (applied.isEmpty()) {
      throw new AssertionError("no '" + word + "' report was applied: " + reports(word));
    }
    JsonNode e = applied.get(applied.size() - 1);
    Instant at =
        instant(
            e.path("applied_at").isTextual()
                ? e.path("applied_at").asText()
                : e.path("received_at").asText());
    scene
        .harness
        .ledger()
        .invariant(
            "I14",
            updated.equals(at),
            "updated_at "
                + updated
                + " is not the moment the '"
                + word
                + "' report was applied ("
                + at
                + "); later reports must not move it: "
                + message);
  }

  private List<JsonNode> reports(String word) {
    return callbacks().stream()
        .filter(e -> word.equals(e.path("provider_status").asText()))
        .toList();
  }

  private List<JsonNode> callbacks() {
    return scene.driver.history(scene.channel, scene.messageId()).stream()
        .filter(e -> "callback".equals(e.path("source").asText()))
        .toList();
  }

  private static Instant instant(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
