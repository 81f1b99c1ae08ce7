package io.octopods.features.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the message's history recorded: every report, applied or not, and why not. */
public final class HistorySteps {
  private final Scene scene;

  public HistorySteps(Scene scene) {
    this.scene = scene;
  }

  @Then("the history records {int} callback report(s)")
  public void callbackReports(int n) {
    long recorded = callbacks().size();
    if (recorded != n) {
      throw new AssertionError(
          "expected "
              + n
              + " callback reports in the history, found "
              + recorded
              + ": "
              + callbacks());
    }
  }

  /**
   * e.g. {@code the history keeps the "failed" report as "conflict"}; "applied" means it was
   * applied.
   */
  @Then("the history keeps the {string} report as {string}")
  public void keptAs(String word, String outcome) {
    List<JsonNode> matching =
        callbacks().stream().filter(e -> word.equals(e.path("provider_status").asText())).toList();
    boolean found =
        matching.stream()
            .anyMatch(
                e ->
                    "applied".equals(outcome)
                        ? e.path("applied").asBoolean()
                        : outcome.equals(e.path("reason").asText()));
    if (!found) {
      throw new AssertionError(
          "expected a '"
              + word
              + "' report kept as '"
              + outcome
              + "', the history has "
              + matching);
    }
  }

  /**
   * Every report of this message that the service acknowledged with {@code 2xx} is in its history
   * (I11), whichever of its provider ids it names.
   */
  @Then("every report acknowledged with 2xx is in the history")
  public void acknowledgedAreKept() {
    JsonNode message = scene.driver.message(scene.channel, scene.messageId());
    Set<String> providerIds = new HashSet<>();
    providerIds.add(message.path("provider_message_id").asText(""));
    message.path("other_provider_message_ids").forEach(id -> providerIds.add(id.asText()));
    long acknowledged =
        scene.driver.callbacks(scene.provider).stream()
            .filter(a -> a.responseCode().orElse(0) / 100 == 2)
            .mapToLong(
                a -> ReportCount.ours(scene.provider, a.body(), providerIds, scene.messageId))
            .sum();
    long recorded = callbacks().size();
    scene
        .harness
        .ledger()
        .invariant(
            "I11",
            recorded == acknowledged,
            acknowledged
                + " reports of message "
                + scene.messageId
                + " were acknowledged with 2xx but its history holds "
                + recorded
                + " callback events");
  }

  @Then("a callback that came before the send answer was applied")
  public void earlyCallbackApplied() {
    boolean applied = callbacks().stream().anyMatch(e -> e.path("applied").asBoolean());
    scene
        .harness
        .ledger()
        .invariant(
            "I15",
            applied,
            "no callback of message " + scene.messageId + " was applied: " + callbacks());
  }

  @Then("the reports for ids we never sent are kept as orphans")
  public void orphansKept() {
    long before = scene.orphansBefore;
    long now = scene.driver.health().at("/pending/orphans").asLong();
    if (now <= before) {
      throw new AssertionError(
          "expected more orphans than "
              + before
              + " after reports for foreign ids, /health says "
              + now);
    }
  }

  private List<JsonNode> callbacks() {
    return scene.driver.history(scene.channel, scene.messageId()).stream()
        .filter(e -> "callback".equals(e.path("source").asText()))
        .toList();
  }
}
