package io.octopods.stack.e2e;

import static io.octopods.contracts.StatusModel.DELIVERED_FAMILY;
import static io.octopods.contracts.StatusModel.NOT_APPLIED_REASONS;
import static io.octopods.contracts.StatusModel.PUBLIC;
import static io.octopods.contracts.StatusModel.TERMINAL;
import static io.octopods.contracts.StatusModel.applies;
import static io.octopods.contracts.StatusModel.publicOf;
import static io.octopods.contracts.StatusModel.rank;
import static io.octopods.contracts.StatusModel.reason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The invariants of status-model.md (section 3) as they can be read from the public API: one
 * message resource and its history. The history is replayed with the rules of section 2 (apply or
 * not, and the reason: {@link io.octopods.contracts.StatusModel}, shared with the features'
 * harness), so I2-I4, I7-I9 are checked on the sequence of events as the service recorded them.
 */
public final class E2eInvariants {
  private E2eInvariants() {}

  /**
   * Checks one message and its history: I1, I2/I3/I4 over the applied events, I5, I9, the reason of
   * every report not applied, that the message shows what its history says, and I14's {@code
   * updated_at} (the time of the last public change).
   *
   * @param channel {@code sms}, {@code whatsapp} or {@code viber}
   */
  public static void check(String channel, JsonNode message, List<JsonNode> history) {
    String where =
        channel + " message " + message.path("message_id").asText() + ", history " + history;
    JsonNode ms = message.path("message_status");
    String status = ms.path("message_status").asText();
    // I1
    assertThat(PUBLIC)
        .as("I1: the message shows one of the six statuses; " + where)
        .contains(status);
    assertThat(ms.path("terminal").asBoolean())
        .as("terminal flag of " + status + "; " + where)
        .isEqualTo(TERMINAL.contains(status));
    // I5
    if (!"whatsapp".equals(channel)) {
      assertThat(status).as("I5: READ only on WhatsApp; " + where).isNotEqualTo("READ");
    }
    String current = "QUEUED";
    String lastChange = null;
    JsonNode previous = null;
    for (JsonNode e : history) {
      String mapped =
          e.path("mapped_status").isNull() || e.path("mapped_status").isMissingNode()
              ? null
              : e.path("mapped_status").asText();
      String word = e.path("provider_status").asText(null);
      boolean applied = e.path("applied").asBoolean();
      String reason = e.path("reason").isNull() ? null : e.path("reason").asText(null);
      String source = e.path("source").asText();
      String at = "event " + e + " on " + current + "; " + where;
      assertThat(Set.of("send", "callback", "reconciliation", "hubspot"))
          .as("source of " + at)
          .contains(source);
      if ("hubspot"
          .equals(source)) { // a dead letter: HubSpot refused the event of a change; no report to
        // replay
        assertThat(applied).as("a dead letter changes nothing; " + at).isFalse();
        assertThat(reason).as("the reason of a HubSpot event; " + at).isEqualTo("dead_letter");
        assertThat(PUBLIC).as("a dead letter names its event's status; " + at).contains(mapped);
        continue;
      }
      if (mapped != null) {
        assertThat(PUBLIC).as("I1: mapped status of " + at).contains(mapped);
        if (!"whatsapp".equals(channel)) {
          assertThat(mapped).as("I5: READ only on WhatsApp; " + at).isNotEqualTo("READ");
        }
      }
      if (applied) {
        assertThat(reason).as("an applied event has no reason; " + at).isNull();
        assertThat(mapped).as("an applied event maps to a status; " + at).isNotNull();
        assertThat(current).as("I4: nothing is applied after FAILED; " + at).isNotEqualTo("FAILED");
        if ("FAILED".equals(mapped)) {
          assertThat(DELIVERED_FAMILY)
              .as("I4: never FAILED after the delivered family; " + at)
              .doesNotContain(current);
        } else {
          assertThat(rank(mapped))
              .as("I2/I3: never a lower or equal rank; " + at)
              .isGreaterThan(rank(current));
        }
        assertThat(applies(mapped, current)).as("section 2 applies this report; " + at).isTrue();
        if (!publicOf(current).equals(mapped)) {
          lastChange =
              e.path("applied_at").isNull() || e.path("applied_at").isMissingNode()
                  ? e.path("received_at").asText()
                  : e.path("applied_at").asText();
        }
        current = mapped;
      } else {
        assertThat(reason).as("a report not applied says why; " + at).isNotNull();
        if ("callback".equals(source)) {
          assertThat(NOT_APPLIED_REASONS)
              .as("reason of a callback not applied; " + at)
              .contains(reason);
        }
        if (mapped != null) {
          assertThat(applies(mapped, current))
              .as("section 2 would have applied this report; " + at)
              .isFalse();
        }
        assertThat(reason)
            .as("section 2's reason (the first that fits); " + at)
            .isEqualTo(reason(channel, word, mapped, current));
        if (mapped == null && "QUEUED".equals(current)) {
          current =
              "UNKNOWN"; // an unmapped word moves a queued message to UNKNOWN, no public change
        }
      }
      // I9: a report repeated identically changes nothing: a duplicate of the one applied, or
      // refused like it
      if (previous != null && "callback".equals(source) && identical(previous, e)) {
        assertThat(applied)
            .as("I9: a repeated identical report is not applied again; " + at)
            .isFalse();
        if (previous.path("applied").asBoolean()) {
          assertThat(reason)
              .as("I9: a repeated identical report is a duplicate; " + at)
              .isIn("duplicate", "channel");
        } else {
          assertThat(reason)
              .as("I9: a repeated identical report is refused like the first; " + at)
              .isEqualTo(previous.path("reason").asText(null));
        }
      }
      previous = e;
    }
    assertThat(status)
        .as("the message shows the status its history reached; " + where)
        .isEqualTo(publicOf(current));
    // I14: updated_at is the moment the current status was reached
    String updatedAt = ms.path("updated_at").asText();
    String expected = lastChange == null ? message.path("created_at").asText() : lastChange;
    assertThat(Instant.parse(updatedAt))
        .as("updated_at is the time of the last public change; " + where)
        .isEqualTo(Instant.parse(expected));
    if ("FAILED".equals(status)) {
      assertThat(ms.path("failure_reason").isObject())
          .as("a FAILED message has a failure reason; " + where)
          .isTrue();
    } else {
      assertThat(ms.path("failure_reason").isNull())
          .as("failure_reason only on FAILED; " + where)
          .isTrue();
    }
  }

  private static boolean identical(JsonNode a, JsonNode b) {
    return "callback".equals(a.path("source").asText())
        && a.path("provider_status").equals(b.path("provider_status"))
        && a.path("provider_timestamp").equals(b.path("provider_timestamp"))
        && a.path("error").equals(b.path("error"));
  }

  /** I2, I3, I14 between two polls of the same message. */
  public static void checkBetweenPolls(JsonNode before, JsonNode after) {
    String s1 = before.path("message_status").path("message_status").asText();
    String s2 = after.path("message_status").path("message_status").asText();
    String where = "poll " + before + " then " + after;
    Instant u1 = Instant.parse(before.path("message_status").path("updated_at").asText());
    Instant u2 = Instant.parse(after.path("message_status").path("updated_at").asText());
    assertThat(u2).as("I14: updated_at never moves backwards; " + where).isAfterOrEqualTo(u1);
    if ("FAILED".equals(s1)) {
      assertThat(s2).as("I4: FAILED never changes; " + where).isEqualTo("FAILED");
      assertThat(after.path("message_status").path("failure_reason"))
          .as("the failure reason is never overwritten; " + where)
          .isEqualTo(before.path("message_status").path("failure_reason"));
    } else if ("FAILED".equals(s2)) {
      assertThat(DELIVERED_FAMILY)
          .as("I4: the delivered family never becomes FAILED; " + where)
          .doesNotContain(s1);
    } else {
      assertThat(rank(s2))
          .as("I2/I3: never a lower rank; " + where)
          .isGreaterThanOrEqualTo(rank(s1));
    }
    if (s1.equals(s2)) {
      assertThat(u2).as("updated_at unchanged while the status is; " + where).isEqualTo(u1);
    }
  }
}
