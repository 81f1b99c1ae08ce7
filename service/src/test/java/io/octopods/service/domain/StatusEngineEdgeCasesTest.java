package io.octopods.service.domain;

import static io.octopods.service.domain.DecisionAssertions.assertFold;
import static io.octopods.service.domain.Reports.handOff;
import static io.octopods.service.domain.Reports.sms;
import static io.octopods.service.domain.Reports.viber;
import static io.octopods.service.domain.Reports.wa;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rows of edge-cases.md that concern the status engine, each folded from the reports it
 * describes. Expected values are written out by hand from the spec, never computed by the engine.
 */
@DisplayName("edge-cases.md")
class StatusEngineEdgeCasesTest {

  @Test
  @DisplayName("A1 Twilio: sent after delivered/undelivered is stale")
  void a1_sentAfterDeliveredOrUndeliveredIsStale() {
    assertFold(
        Status.SENT, List.of(sms("delivered"), sms("sent")), Status.DELIVERED, "applied", "stale");
    assertFold(
        Status.SENT, List.of(sms("undelivered"), sms("sent")), Status.FAILED, "applied", "stale");
  }

  @Test
  @DisplayName("A2 WhatsApp: sent, read, delivered, delivered again ends READ")
  void a2_sentReadDeliveredDeliveredEndsRead() {
    assertFold(
        Status.QUEUED,
        List.of(handOff(Status.SENT), wa("sent"), wa("read"), wa("delivered"), wa("delivered")),
        Status.READ,
        "applied",
        "duplicate",
        "applied",
        "stale",
        "stale");
  }

  @Test
  @DisplayName("A3 WhatsApp: read with no delivered goes SENT -> READ directly")
  void a3_readWithoutDeliveredGoesStraightToRead() {
    assertFold(Status.SENT, List.of(wa("read")), Status.READ, "applied");
  }

  @Test
  @DisplayName("A4 WhatsApp: delivered as the first and only report, from UNKNOWN or SENT")
  void a4_deliveredAsTheOnlyReport() {
    assertFold(Status.UNKNOWN, List.of(wa("delivered")), Status.DELIVERED, "applied");
    assertFold(Status.SENT, List.of(wa("delivered")), Status.DELIVERED, "applied");
  }

  @Test
  @DisplayName("A5 Twilio: no queued/accepted callback; a terminal report may come first")
  void a5_terminalReportFirst() {
    assertFold(
        Status.QUEUED,
        List.of(handOff(Status.SENT), sms("failed")),
        Status.FAILED,
        "applied",
        "applied");
    assertFold(
        Status.QUEUED,
        List.of(handOff(Status.SENT), sms("undelivered")),
        Status.FAILED,
        "applied",
        "applied");
    assertFold(
        Status.UNKNOWN,
        List.of(sms("delivered"), sms("sent"), sms("queued")),
        Status.DELIVERED,
        "applied",
        "stale",
        "stale");
  }

  @Test
  @DisplayName("A6 Viber: seen is proof of delivery, never READ")
  void a6_seenIsProofOfDeliveryNeverRead() {
    StatusHistory seenFirst =
        assertFold(Status.SENT, List.of(viber("seen")), Status.DELIVERED, "applied");
    assertThat(seenFirst.decisions().get(0).mapped()).contains(Status.DELIVERED);
    assertFold(
        Status.SENT,
        List.of(viber("delivered"), viber("seen"), viber("seen")),
        Status.DELIVERED,
        "applied",
        "channel",
        "channel");
  }

  @Test
  @DisplayName("B1 WhatsApp: delivered and failed in either order, first outcome wins")
  void b1_deliveredAndFailedFirstOutcomeWins() {
    assertFold(
        Status.SENT,
        List.of(wa("delivered"), wa("failed")),
        Status.DELIVERED,
        "applied",
        "conflict");
    assertFold(
        Status.SENT, List.of(wa("failed"), wa("delivered")), Status.FAILED, "applied", "conflict");
    assertFold(
        Status.SENT,
        List.of(wa("failed"), wa("read"), wa("deleted")),
        Status.FAILED,
        "applied",
        "conflict",
        "conflict");
  }

  @Test
  @DisplayName("B2 Twilio: undelivered and delivered for one sid, first outcome wins")
  void b2_undeliveredAndDeliveredFirstOutcomeWins() {
    assertFold(
        Status.SENT,
        List.of(sms("undelivered"), sms("delivered")),
        Status.FAILED,
        "applied",
        "conflict");
    assertFold(
        Status.SENT,
        List.of(sms("delivered"), sms("undelivered")),
        Status.DELIVERED,
        "applied",
        "conflict");
  }

  @Test
  @DisplayName("B3 WhatsApp: deleted after read, and a late read after deleted: DELETED stays")
  void b3_deletedStays() {
    assertFold(
        Status.SENT, List.of(wa("read"), wa("deleted")), Status.DELETED, "applied", "applied");
    assertFold(
        Status.SENT,
        List.of(wa("delivered"), wa("read"), wa("deleted"), wa("read")),
        Status.DELETED,
        "applied",
        "applied",
        "applied",
        "stale");
    assertFold(
        Status.SENT,
        List.of(wa("deleted"), wa("read"), wa("delivered")),
        Status.DELETED,
        "applied",
        "stale",
        "stale");
  }

  @Test
  @DisplayName("C1 WhatsApp: the same webhook several times: each copy a duplicate")
  void c1_sameWebhookSeveralTimes() {
    assertFold(
        Status.SENT,
        List.of(wa("sent"), wa("delivered"), wa("delivered"), wa("delivered")),
        Status.DELIVERED,
        "duplicate",
        "applied",
        "duplicate",
        "duplicate");
    assertFold(
        Status.SENT, List.of(wa("failed"), wa("failed")), Status.FAILED, "applied", "duplicate");
  }

  @Test
  @DisplayName("C5 Viber: one delivered per device is idempotent")
  void c5_oneDeliveredPerDevice() {
    assertFold(
        Status.SENT,
        List.of(viber("delivered"), viber("delivered"), viber("delivered")),
        Status.DELIVERED,
        "applied",
        "duplicate",
        "duplicate");
  }

  @Test
  @DisplayName("F1 WhatsApp: the same error on the send answer and in a failed webhook")
  void f1_failedOnceTheWebhookIsADuplicate() {
    assertFold(
        Status.QUEUED,
        List.of(handOff(Status.FAILED), wa("failed")),
        Status.FAILED,
        "applied",
        "duplicate");
  }

  @Test
  @DisplayName("F6 Twilio, WhatsApp: failed with no error code is FAILED")
  void f6_failedWithoutCodeIsFailed() {
    assertFold(Status.SENT, List.of(sms("failed")), Status.FAILED, "applied");
    assertFold(Status.SENT, List.of(wa("failed")), Status.FAILED, "applied");
  }

  @Test
  @DisplayName("H1 Twilio: read on SMS, canceled, partially_delivered, scheduled")
  void h1_newTwilioWords() {
    assertFold(
        Status.QUEUED,
        List.of(sms("partially_delivered"), sms("scheduled"), sms("read"), sms("canceled")),
        Status.DELIVERED,
        "unmapped",
        "applied",
        "applied",
        "conflict");
    assertFold(
        Status.SENT,
        List.of(sms("canceled"), sms("partially_delivered")),
        Status.FAILED,
        "applied",
        "unmapped");
    StatusHistory queued =
        assertFold(Status.QUEUED, List.of(sms("partially_delivered")), Status.UNKNOWN, "unmapped");
    assertThat(queued.decisions().get(0).publicChange()).isFalse();
  }

  @Test
  @DisplayName("H2 WhatsApp: warning, played, words from the future")
  void h2_warningPlayedAndFutureWords() {
    assertFold(
        Status.SENT,
        List.of(wa("warning"), wa("played"), wa("future_status"), wa("")),
        Status.READ,
        "unmapped",
        "applied",
        "unmapped",
        "unmapped");
  }
}
