package io.octopods.simulator.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scenarios rebuilt from what a provider really sent: from a capture file, one per provider
 * message, or from the status service's history of one message (docs/simulator.md, "Scenarios from
 * captures and from history"). Every scenario is checked by the simulator's own reader.
 */
public final class ScenarioDerivation {
  /**
   * Where a scenario from a capture puts its first step: a capture does not see the send, and a
   * callback due at the send itself would race the send's answer, which is another story (D1).
   */
  static final Duration CAPTURE_FIRST_AT = Duration.ofSeconds(1);

  /**
   * One derived scenario.
   *
   * @param id the scenario's id, {@code <provider>-capture-<hash>} or {@code
   *     <provider>-history-<hash>}
   * @param providerMessageId the provider's id of the message it replays
   * @param yaml the scenario, valid for the simulator
   * @param notes what could not be carried over exactly, and what was left out
   */
  public record Derived(String id, String providerMessageId, String yaml, List<String> notes) {
    public Derived {
      notes = List.copyOf(notes);
    }
  }

  private ScenarioDerivation() {}

  /**
   * One scenario per provider message of a capture, in the order their first callback arrived.
   *
   * @param providerMessageId only this message's scenario; empty for all
   * @param source names the capture in descriptions (a file name)
   * @throws IllegalArgumentException when the capture's provider is unknown, or it holds no status
   *     report about the message asked for
   */
  public static List<Derived> fromCapture(
      Capture capture, Optional<String> providerMessageId, String source) {
    String provider = capture.header() == null ? null : capture.header().provider();
    CallbackReader reader =
        CallbackReader.of(provider)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the capture "
                            + source
                            + " names no provider it can be read as (twilio, whatsapp or viber): "
                            + capture.problems()));
    CapturedReports reports = CapturedReports.of(capture, reader);
    Map<String, List<ReportedStatus>> byMessage = reports.byMessage();
    if (providerMessageId.isPresent() && !byMessage.containsKey(providerMessageId.get())) {
      throw new IllegalArgumentException(
          "the capture "
              + source
              + " holds no status report about "
              + providerMessageId.get()
              + "; it has reports about "
              + byMessage.keySet());
    }
    List<Derived> derived = new ArrayList<>();
    for (Map.Entry<String, List<ReportedStatus>> m : byMessage.entrySet()) {
      if (providerMessageId.isPresent() && !providerMessageId.get().equals(m.getKey())) {
        continue;
      }
      ScenarioSteps.Steps steps = ScenarioSteps.of(reader, m.getValue(), CAPTURE_FIRST_AT);
      String id = ScenarioDocument.id(provider, "capture", m.getKey());
      String description =
          "Derived from the capture "
              + source
              + ": provider message "
              + m.getKey()
              + ", "
              + words(steps.steps())
              + ".";
      ObjectNode doc =
          ScenarioDocument.of(
              id,
              provider,
              description,
              ExpectedOutcome.of(provider, reader, steps.steps()),
              steps.steps());
      List<String> notes = new ArrayList<>(reports.notes());
      notes.addAll(reports.sharedWith(m.getKey()));
      notes.addAll(steps.notes());
      derived.add(new Derived(id, m.getKey(), ScenarioDocument.yaml(doc), notes));
    }
    return List.copyOf(derived);
  }

  /**
   * The scenario of one message as the status service recorded it.
   *
   * @param provider {@code twilio} (or the channel {@code sms}), {@code whatsapp} or {@code viber}
   * @param message {@code GET /api/v1/{channel}/messages/{id}}
   * @param history the {@code data} array of {@code GET .../history?include=raw} (or the whole
   *     answer)
   */
  public static Derived fromHistory(String provider, JsonNode message, JsonNode history) {
    String name = "sms".equals(provider) ? "twilio" : provider;
    CallbackReader reader =
        CallbackReader.of(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown provider '" + provider + "': twilio (sms), whatsapp or viber"));
    HistoryReports reports = HistoryReports.of(reader, message, history);
    ScenarioSteps.Steps steps = ScenarioSteps.of(reader, reports.reports(), reports.firstAt());
    String key = message.path("message_id").asText(reports.providerMessageId());
    String id = ScenarioDocument.id(name, "history", key);
    String description =
        "Rebuilt from the status service's history of message "
            + key
            + " (provider message "
            + reports.providerMessageId()
            + "): "
            + words(steps.steps())
            + ".";
    ObjectNode expect = reports.expect();
    ObjectNode doc = ScenarioDocument.of(id, name, description, Optional.of(expect), steps.steps());
    List<String> notes = new ArrayList<>(reports.notes());
    notes.addAll(steps.notes());
    return new Derived(id, reports.providerMessageId(), ScenarioDocument.yaml(doc), notes);
  }

  /** The status words of the steps in order, a repeated step with its count. */
  static String words(ArrayNode steps) {
    if (steps.isEmpty()) {
      return "no status reports";
    }
    List<String> words = new ArrayList<>();
    for (JsonNode s : steps) {
      int repeat = s.path("repeat").asInt(1);
      words.add(s.path("status").asText() + (repeat > 1 ? " (x" + repeat + ")" : ""));
    }
    return String.join(", ", words);
  }
}
