package io.octopods.simulator.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.viber.ViberFailureDesc;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The status service's record of one message read as reports (api.md, history events): each {@code
 * callback} event from its raw payload (the body as received; for WhatsApp the one status item),
 * else from its {@code provider_status}, {@code provider_timestamp} and {@code error}; and what the
 * message and its events say a replay must show.
 */
final class HistoryReports {
  private static final Set<String> SEND_NOT_ACCEPTED =
      Set.of("rejected", "retry", "timeout", "handoff_exhausted");

  private final List<ReportedStatus> reports = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final ArrayNode expectedHistory = Json.array();
  private String providerMessageId;
  private Instant acceptedAt;
  private boolean reconciled;

  private HistoryReports() {}

  static HistoryReports of(CallbackReader reader, JsonNode message, JsonNode history) {
    HistoryReports h = new HistoryReports();
    h.providerMessageId = message.path("provider_message_id").asText(null);
    if (!message.path("message_status").path("message_status").isTextual()) {
      throw new IllegalArgumentException(
          "the message has no message_status.message_status: expected the answer of "
              + "GET /api/v1/{channel}/messages/{id}, was "
              + Json.write(message));
    }
    JsonNode events = history.isArray() ? history : history.path("data");
    if (!events.isArray()) {
      throw new IllegalArgumentException(
          "the history is neither an array of events nor {\"data\": [...]}: expected the answer "
              + "of GET /api/v1/{channel}/messages/{id}/history?include=raw");
    }
    h.notes.add(
        "headers are not kept: every step is signed validly, and its content type follows its body");
    h.notes.add(
        "callbacks refused with 401 (a bad or missing signature) are not kept: none is replayed");
    h.notes.add(
        "the receiver's answers are not kept: a resent callback is a repeat, not a provider retry");
    if (reader instanceof WhatsAppCallbackReader) {
      h.notes.add(
          "each WhatsApp status item is kept alone: a notification's grouping (batch), its "
              + "envelope and the items about other messages are not rebuilt");
    }
    for (int i = 0; i < events.size(); i++) {
      h.event(reader, events.get(i), i);
    }
    message
        .path("other_provider_message_ids")
        .forEach(
            id ->
                h.notes.add(
                    "the provider made a second message "
                        + id.asText()
                        + " for the same send; its callbacks are steps of this one"));
    if (h.providerMessageId == null) {
      h.providerMessageId =
          h.reports.stream()
              .map(r -> r.item().providerMessageId())
              .filter(id -> id != null)
              .findFirst()
              .orElse("unknown");
    }
    h.expect = expect(message, h);
    return h;
  }

  private ObjectNode expect;

  private void event(CallbackReader reader, JsonNode e, int index) {
    String source = e.path("source").asText();
    String word = e.path("provider_status").asText(null);
    String label = "history event " + e.path("event_id").asText(String.valueOf(index + 1));
    Instant at = instant(e.path("received_at")).orElse(null);
    switch (source) {
      case "callback" -> callback(reader, e, label, word, at);
      case "send" -> {
        if (word != null && SEND_NOT_ACCEPTED.contains(word)) {
          notes.add(
              label
                  + ": the send was answered '"
                  + word
                  + "'"
                  + e.path("detail").asText("").transform(d -> d.isEmpty() ? "" : " (" + d + ")")
                  + "; the service keeps no send answer to replay, so the scenario accepts");
        } else if (acceptedAt == null) {
          acceptedAt = at;
        }
      }
      case "reconciliation" -> {
        notes.add(
            label
                + ": '"
                + word
                + "' came from reconciliation, not a callback: not a step"
                + (e.path("applied").asBoolean() ? "; expect needs reconciliation" : ""));
        reconciled |= e.path("applied").asBoolean();
      }
      default ->
          notes.add(label + ": a " + source + " event is not about the provider: not a step");
    }
  }

  private void callback(CallbackReader reader, JsonNode e, String label, String word, Instant at) {
    expectedHistory.addObject().put("word", word).put("reason", e.path("reason").asText(null));
    JsonNode raw = e.get("raw");
    List<StatusItem> items = List.of();
    if (raw != null && raw.isTextual() && !raw.asText().isEmpty()) {
      try {
        CallbackReader.Reading reading = reader.readStored(raw.asText());
        items = reading.items();
        reading.skipped().forEach(s -> notes.add(label + ": " + s));
      } catch (IllegalArgumentException bad) {
        notes.add(label + ": its raw payload cannot be read (" + bad.getMessage() + ")");
      }
    }
    String body = raw != null && raw.isTextual() ? raw.asText() : null;
    if (items.isEmpty()) {
      items = List.of(fromColumns(reader, e, word));
      body = null;
      notes.add(
          label + ": no raw payload; rebuilt from provider_status, provider_timestamp, error");
    }
    String key =
        body != null
            ? body
            : String.join(
                "|",
                String.valueOf(word),
                e.path("provider_timestamp").asText(""),
                e.path("error").path("code").asText(""),
                e.path("error").path("title").asText(""));
    Arrival arrival =
        new Arrival(label, at == null ? Instant.EPOCH : at, key, Optional.empty(), "valid", 200);
    for (StatusItem item : items) {
      if (providerMessageId != null
          && item.providerMessageId() != null
          && !providerMessageId.equals(item.providerMessageId())) {
        notes.add(label + " is about " + item.providerMessageId() + ", not " + providerMessageId);
      }
      reports.add(new ReportedStatus(arrival, item));
    }
  }

  private StatusItem fromColumns(CallbackReader reader, JsonNode e, String word) {
    JsonNode error = e.path("error");
    Optional<String> code;
    if (reader.errorIsCode()) {
      code = Optional.ofNullable(error.path("code").asText(null));
    } else {
      code =
          Optional.ofNullable(error.path("title").asText(null)).flatMap(ViberFailureDesc::errorOf);
    }
    return new StatusItem(
        providerMessageId,
        word == null ? "" : word,
        instant(e.path("provider_timestamp")).map(Instant::toEpochMilli),
        Optional.empty(),
        code,
        Json.object(),
        0,
        0);
  }

  private static ObjectNode expect(JsonNode message, HistoryReports h) {
    JsonNode status = message.path("message_status");
    ObjectNode expect = Json.object().put("status", status.path("message_status").asText());
    if ("FAILED".equals(status.path("message_status").asText())) {
      JsonNode reason = status.path("failure_reason");
      expect.put("failure_code", reason.path("code").asText(null));
      if ("octopods".equals(reason.path("source").asText())) {
        h.notes.add(
            "the failure is the service's own ("
                + reason.path("code").asText()
                + "), not the provider's: the replayed scenario accepts the send");
      }
    }
    if (h.reconciled) {
      expect.put("needs", "reconciliation");
    }
    expect.set("history", h.expectedHistory);
    return expect;
  }

  private static Optional<Instant> instant(JsonNode n) {
    if (!n.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(n.asText()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  List<ReportedStatus> reports() {
    return reports;
  }

  String providerMessageId() {
    return providerMessageId;
  }

  /** The first step's {@code at}: how long after the accepted send its callback came, if known. */
  Duration firstAt() {
    if (acceptedAt == null || reports.isEmpty()) {
      return Duration.ZERO;
    }
    Duration d = Duration.between(acceptedAt, reports.get(0).arrival().t());
    return d.isNegative() ? Duration.ZERO : d;
  }

  ObjectNode expect() {
    return expect;
  }

  List<String> notes() {
    return List.copyOf(notes);
  }
}
