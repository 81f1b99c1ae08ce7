package io.octopods.features.harness;

import static io.octopods.contracts.StatusModel.DELIVERED_FAMILY;
import static io.octopods.contracts.StatusModel.PUBLIC;
import static io.octopods.contracts.StatusModel.TERMINAL;
import static io.octopods.contracts.StatusModel.applies;
import static io.octopods.contracts.StatusModel.publicOf;
import static io.octopods.contracts.StatusModel.rank;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.StatusModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The invariants of status-model.md section 3 as the public API shows them: one message resource
 * and its history, replayed with the rules of section 2 (a HubSpot dead letter in the history is no
 * report, and is only checked for its shape). Each check is counted in the {@link Ledger} under its
 * I-number; the first that does not hold fails the scenario. The transitions of a replayed history
 * go to the ledger's {@link CoverageTally}.
 */
public final class HistoryInvariants {
  private final Ledger ledger;

  public HistoryInvariants(Ledger ledger) {
    this.ledger = ledger;
  }

  /** I1 to I9 and I14 over one message and its history. */
  public void check(String channel, JsonNode message, List<JsonNode> history) {
    String where =
        channel + " message " + message.path("message_id").asText() + " (history " + history + ")";
    JsonNode ms = message.path("message_status");
    String status = ms.path("message_status").asText();
    ledger.invariant(
        "I1",
        PUBLIC.contains(status),
        "the API shows '" + status + "', not one of " + PUBLIC + "; " + where);
    ledger.invariant(
        "I3",
        ms.path("terminal").asBoolean() == TERMINAL.contains(status),
        "terminal is " + ms.path("terminal") + " for " + status + "; " + where);
    ledger.invariant(
        "I5",
        "whatsapp".equals(channel) || !"READ".equals(status),
        "READ on a " + channel + " message; " + where);

    String current = "QUEUED";
    String lastChange = null;
    JsonNode previous = null;
    String firstOutcome = null;
    int topRank = -1;
    boolean failureReported = false;
    List<Transition> transitions = new ArrayList<>();
    String provider = StatusModel.providerOf(channel);
    for (JsonNode e : history) {
      String before = current;
      String mapped = text(e, "mapped_status");
      String word = text(e, "provider_status");
      boolean applied = e.path("applied").asBoolean();
      String reason = text(e, "reason");
      String at = "event " + e + " on " + current + "; " + where;
      if ("hubspot"
          .equals(
              text(
                  e,
                  "source"))) { // a dead letter: HubSpot refused the event of a change, no report
        ledger.invariant(
            "I1",
            !applied && "dead_letter".equals(reason) && mapped != null && PUBLIC.contains(mapped),
            "a HubSpot history event that is not a dead letter of a public status; " + at);
        continue;
      }
      if (mapped != null) {
        ledger.invariant(
            "I1", PUBLIC.contains(mapped), "a report mapped to '" + mapped + "'; " + at);
        ledger.invariant(
            "I5",
            "whatsapp".equals(channel) || !"READ".equals(mapped),
            "READ mapped on " + channel + "; " + at);
        if ("FAILED".equals(mapped)) {
          failureReported = true;
        } else {
          topRank = Math.max(topRank, rank(mapped));
        }
      }
      if (applied) {
        ledger.invariant("I4", !"FAILED".equals(current), "a report applied after FAILED; " + at);
        if ("FAILED".equals(mapped)) {
          ledger.invariant(
              "I4",
              !DELIVERED_FAMILY.contains(current),
              "FAILED applied after " + current + "; " + at);
        } else {
          ledger.invariant(
              "I2",
              mapped != null && rank(mapped) > rank(current),
              "applied " + mapped + " on " + current + " (not a higher rank); " + at);
        }
        if (firstOutcome == null
            && mapped != null
            && ("FAILED".equals(mapped) || DELIVERED_FAMILY.contains(mapped))) {
          firstOutcome = mapped;
        }
        if (mapped != null && !publicOf(current).equals(mapped)) {
          lastChange =
              e.path("applied_at").isTextual()
                  ? e.path("applied_at").asText()
                  : e.path("received_at").asText();
        }
        current = mapped == null ? current : mapped;
      } else {
        ledger.invariant(
            "I2",
            mapped == null || !applies(mapped, current),
            "a report section 2 applies ("
                + mapped
                + " on "
                + current
                + ") was not applied ("
                + reason
                + "); "
                + at);
        if (mapped != null && reason != null && !"unmapped".equals(reason)) {
          String expected = StatusModel.reason(channel, word, mapped, current);
          String id =
              "conflict".equals(expected) ? "I8" : "duplicate".equals(expected) ? "I9" : "I7";
          ledger.invariant(
              id,
              expected.equals(reason),
              "reason '" + reason + "', section 2 says '" + expected + "'; " + at);
        }
        if (mapped == null && "QUEUED".equals(current)) {
          current = "UNKNOWN";
        }
      }
      if (previous != null && "callback".equals(text(e, "source")) && identical(previous, e)) {
        ledger.invariant("I9", !applied, "a repeated identical report was applied again; " + at);
      }
      previous = e;
      if (!before.equals(current)) {
        transitions.add(new Transition(provider, before, current));
      }
    }
    ledger.tally().history(message.path("message_id").asText(), transitions);
    ledger.invariant(
        "I2",
        status.equals(publicOf(current)),
        "the API shows " + status + " but its history reached " + publicOf(current) + "; " + where);
    if (!failureReported && topRank >= 0 && !"FAILED".equals(status)) {
      ledger.invariant(
          "I7",
          rank(status) == topRank,
          "reports agreeing on one outcome reached rank "
              + topRank
              + " but the message shows "
              + status
              + "; "
              + where);
    }
    if (firstOutcome != null) {
      boolean failedFirst = "FAILED".equals(firstOutcome);
      ledger.invariant(
          "I8",
          failedFirst == "FAILED".equals(status),
          "the first outcome applied was "
              + firstOutcome
              + " but the message shows "
              + status
              + "; "
              + where);
    }
    if ("DELETED".equals(status)) {
      ledger.invariant(
          "I6",
          history.stream()
              .anyMatch(
                  e ->
                      e.path("applied").asBoolean()
                          && Set.of("DELIVERED", "READ", "DELETED")
                              .contains(text(e, "mapped_status"))),
          "DELETED without any delivery; " + where);
    }
    String expectedUpdate = lastChange == null ? message.path("created_at").asText() : lastChange;
    ledger.invariant(
        "I14",
        instant(ms.path("updated_at").asText()).equals(instant(expectedUpdate)),
        "updated_at "
            + ms.path("updated_at").asText()
            + " is not the time of the last change "
            + expectedUpdate
            + "; "
            + where);
    ledger.invariant(
        "I4",
        "FAILED".equals(status) == ms.path("failure_reason").isObject(),
        "failure_reason " + ms.path("failure_reason") + " on a " + status + " message; " + where);
  }

  /** I2, I3, I4 and I14 between two reads of the same message. */
  public void betweenReads(JsonNode before, JsonNode after) {
    String s1 = before.at("/message_status/message_status").asText();
    String s2 = after.at("/message_status/message_status").asText();
    String where = "read " + before + " then " + after;
    ledger.invariant(
        "I14",
        !instant(after.at("/message_status/updated_at").asText())
            .isBefore(instant(before.at("/message_status/updated_at").asText())),
        "updated_at moved backwards; " + where);
    String id =
        "FAILED".equals(s1) || "FAILED".equals(s2)
            ? "I4"
            : StatusModel.TERMINAL.contains(s1) && rank(s2) < 3 ? "I3" : "I2";
    ledger.invariant(
        id, StatusModel.mayFollow(s1, s2), s1 + " was followed by " + s2 + "; " + where);
    if ("FAILED".equals(s1)) {
      ledger.invariant(
          "I4",
          before
              .at("/message_status/failure_reason")
              .equals(after.at("/message_status/failure_reason")),
          "the failure reason was overwritten; " + where);
    }
  }

  private static boolean identical(JsonNode a, JsonNode b) {
    return "callback".equals(text(a, "source"))
        && a.path("provider_status").equals(b.path("provider_status"))
        && a.path("provider_timestamp").equals(b.path("provider_timestamp"))
        && a.path("error").equals(b.path("error"));
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() ? v.asText() : null;
  }

  private static Instant instant(String s) {
    try {
      return Instant.parse(s);
    } catch (RuntimeException e) {
      return Instant.EPOCH;
    }
  }
}
