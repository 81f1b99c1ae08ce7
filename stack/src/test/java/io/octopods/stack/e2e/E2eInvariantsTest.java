package io.octopods.stack.e2e;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.contracts.StatusModel;
import io.octopods.stack.support.StackHttp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end invariant checks must catch what they claim to catch: each violation below is
 * refused.
 */
class E2eInvariantsTest {
  private static final String CREATED = "2026-11-26T10:00:00.000Z";

  /** A history being built: each event a second after the one before. */
  private static final class History {
    final List<JsonNode> events = new ArrayList<>();

    History add(String source, String word, String mapped, boolean applied, String reason) {
      return add(source, word, mapped, applied, reason, null);
    }

    History add(
        String source,
        String word,
        String mapped,
        boolean applied,
        String reason,
        String errorCode) {
      ObjectNode e =
          StackHttp.JSON
              .createObjectNode()
              .put("event_id", "e" + events.size())
              .put("received_at", time(events.size() + 1))
              .put("source", source)
              .put("provider_status", word)
              .put("provider_timestamp", (String) null)
              .put("mapped_status", mapped)
              .put("applied", applied)
              .put("reason", reason);
      if (errorCode == null) {
        e.putNull("error");
      } else {
        e.putObject("error").put("code", errorCode).put("title", "t");
      }
      e.putNull("applied_at");
      events.add(e);
      return this;
    }
  }

  private static String time(int second) {
    return String.format("2026-11-26T10:00:%02d.000Z", second);
  }

  private static JsonNode message(String status, String updatedAt) {
    ObjectNode m =
        StackHttp.JSON.createObjectNode().put("message_id", "m").put("created_at", CREATED);
    ObjectNode s =
        m.putObject("message_status")
            .put("message_status", status)
            .put("terminal", StatusModel.TERMINAL.contains(status))
            .put("updated_at", updatedAt);
    if ("FAILED".equals(status)) {
      s.putObject("failure_reason")
          .putNull("code")
          .put("title", "no code given")
          .put("source", "provider");
    } else {
      s.putNull("failure_reason");
    }
    return m;
  }

  @Test
  void aConsistentHistoryPasses() {
    History h =
        new History()
            .add("send", "accepted", "SENT", true, null)
            .add("callback", "sent", "SENT", false, "duplicate")
            .add("callback", "read", "READ", true, null)
            .add("callback", "delivered", "DELIVERED", false, "stale")
            .add("callback", "warning", null, false, "unmapped")
            .add("callback", "failed", "FAILED", false, "conflict");
    assertThatCode(() -> E2eInvariants.check("whatsapp", message("READ", time(3)), h.events))
        .doesNotThrowAnyException();
  }

  @Test
  void aLowerRankAppliedIsCaught() {
    History h =
        new History()
            .add("callback", "delivered", "DELIVERED", true, null)
            .add("callback", "sent", "SENT", true, null);
    assertThatThrownBy(() -> E2eInvariants.check("whatsapp", message("SENT", time(2)), h.events))
        .hasMessageContaining("I2/I3");
  }

  @Test
  void failedAfterDeliveredIsCaught() {
    History h =
        new History()
            .add("callback", "delivered", "DELIVERED", true, null)
            .add("callback", "failed", "FAILED", true, null);
    assertThatThrownBy(() -> E2eInvariants.check("whatsapp", message("FAILED", time(2)), h.events))
        .hasMessageContaining("I4");
  }

  @Test
  void anythingAppliedAfterFailedIsCaught() {
    History h =
        new History()
            .add("callback", "failed", "FAILED", true, null)
            .add("callback", "delivered", "DELIVERED", true, null);
    assertThatThrownBy(
            () -> E2eInvariants.check("whatsapp", message("DELIVERED", time(2)), h.events))
        .hasMessageContaining("I4");
  }

  @Test
  void readOnSmsIsCaught() {
    History h = new History().add("callback", "read", "READ", true, null);
    assertThatThrownBy(() -> E2eInvariants.check("sms", message("READ", time(1)), h.events))
        .hasMessageContaining("I5");
  }

  @Test
  void aWrongOrMissingReasonIsCaught() {
    History missing =
        new History()
            .add("callback", "delivered", "DELIVERED", true, null)
            .add("callback", "sent", "SENT", false, null);
    assertThatThrownBy(
            () -> E2eInvariants.check("whatsapp", message("DELIVERED", time(1)), missing.events))
        .hasMessageContaining("says why");
    History wrong =
        new History()
            .add("callback", "delivered", "DELIVERED", true, null)
            .add("callback", "sent", "SENT", false, "duplicate");
    assertThatThrownBy(
            () -> E2eInvariants.check("whatsapp", message("DELIVERED", time(1)), wrong.events))
        .hasMessageContaining("first that fits");
    History channel =
        new History()
            .add("callback", "delivered", "DELIVERED", true, null)
            .add("callback", "read", "DELIVERED", false, "duplicate");
    assertThatThrownBy(
            () -> E2eInvariants.check("sms", message("DELIVERED", time(1)), channel.events))
        .hasMessageContaining("first that fits");
  }

  @Test
  void aRepeatedReportAppliedTwiceIsCaught() {
    History h =
        new History()
            .add("callback", "sent", "SENT", true, null)
            .add("callback", "sent", "SENT", true, null);
    assertThatThrownBy(() -> E2eInvariants.check("whatsapp", message("SENT", time(2)), h.events))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aStatusTheHistoryDoesNotReachIsCaught() {
    History h = new History().add("callback", "sent", "SENT", true, null);
    assertThatThrownBy(
            () -> E2eInvariants.check("whatsapp", message("DELIVERED", time(1)), h.events))
        .hasMessageContaining("history reached");
  }

  @Test
  void anUpdatedAtOtherThanTheLastChangeIsCaught() {
    History h =
        new History()
            .add("callback", "sent", "SENT", true, null)
            .add("callback", "sent", "SENT", false, "duplicate");
    assertThatThrownBy(() -> E2eInvariants.check("whatsapp", message("SENT", time(2)), h.events))
        .hasMessageContaining("updated_at");
    assertThatCode(() -> E2eInvariants.check("whatsapp", message("SENT", time(1)), h.events))
        .doesNotThrowAnyException();
  }

  @Test
  void anInternalQueuedToUnknownStepKeepsCreatedAt() {
    History h =
        new History()
            .add("send", "retry", "UNKNOWN", true, null)
            .add("send", "retry", "UNKNOWN", false, "duplicate")
            .add("send", "timeout", "UNKNOWN", false, "duplicate");
    assertThatCode(() -> E2eInvariants.check("viber", message("UNKNOWN", CREATED), h.events))
        .doesNotThrowAnyException();
  }

  @Test
  void pollsThatGoBackwardsAreCaught() {
    assertThatThrownBy(
            () ->
                E2eInvariants.checkBetweenPolls(message("SENT", time(5)), message("SENT", time(4))))
        .hasMessageContaining("I14");
    assertThatThrownBy(
            () ->
                E2eInvariants.checkBetweenPolls(
                    message("DELIVERED", time(5)), message("SENT", time(6))))
        .hasMessageContaining("I2/I3");
    assertThatThrownBy(
            () ->
                E2eInvariants.checkBetweenPolls(
                    message("FAILED", time(5)), message("DELIVERED", time(6))))
        .hasMessageContaining("I4");
    assertThatCode(
            () ->
                E2eInvariants.checkBetweenPolls(message("SENT", time(5)), message("READ", time(6))))
        .doesNotThrowAnyException();
  }
}
