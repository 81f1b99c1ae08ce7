package io.octopods.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The oracle says what status-model.md says, on the rules the suites lean on most. */
class StatusModelTest {

  @Test
  void aStatusMayOnlyMoveUpAndNeverLeaveAnOutcome() {
    assertThat(StatusModel.mayFollow("SENT", "DELIVERED")).isTrue();
    assertThat(StatusModel.mayFollow("DELIVERED", "SENT")).as("I2").isFalse();
    assertThat(StatusModel.mayFollow("READ", "UNKNOWN")).as("I3").isFalse();
    assertThat(StatusModel.mayFollow("FAILED", "DELIVERED")).as("I4").isFalse();
    assertThat(StatusModel.mayFollow("DELIVERED", "FAILED")).as("I4").isFalse();
    assertThat(StatusModel.mayFollow("SENT", "FAILED")).isTrue();
    assertThat(StatusModel.mayFollow("DELETED", "READ")).isFalse();
    assertThat(StatusModel.mayFollow("READ", "READ")).as("unchanged").isTrue();
  }

  @Test
  void aReportIsAppliedOnlyWhenItMovesTheMessageOn() {
    assertThat(StatusModel.applies("READ", "SENT")).as("A3: read without delivered").isTrue();
    assertThat(StatusModel.applies("SENT", "DELIVERED")).as("A1: stale").isFalse();
    assertThat(StatusModel.applies("FAILED", "DELIVERED")).as("B1: conflict").isFalse();
    assertThat(StatusModel.applies("DELIVERED", "FAILED")).as("B1: conflict").isFalse();
    assertThat(StatusModel.applies("UNKNOWN", "QUEUED")).isTrue();
    assertThat(StatusModel.applies("UNKNOWN", "SENT")).isFalse();
  }

  @Test
  void aReportNotAppliedGetsTheFirstReasonThatFits() {
    assertThat(StatusModel.reason("whatsapp", "warning", null, "SENT")).isEqualTo("unmapped");
    assertThat(StatusModel.reason("whatsapp", "failed", "FAILED", "READ")).isEqualTo("conflict");
    assertThat(StatusModel.reason("sms", "read", "DELIVERED", "DELIVERED")).isEqualTo("channel");
    assertThat(StatusModel.reason("viber", "delivered", "DELIVERED", "DELIVERED"))
        .isEqualTo("duplicate");
    assertThat(StatusModel.reason("sms", "sent", "SENT", "DELIVERED")).isEqualTo("stale");
  }

  @Test
  void everyStatusHasOneLabelOnEachSurface() {
    assertThat(StatusModel.INBOX).containsOnlyKeys(StatusModel.PUBLIC);
    assertThat(StatusModel.REACH).containsOnlyKeys(StatusModel.PUBLIC);
    assertThat(StatusModel.statusOfLabel(StatusModel.INBOX, "Delivery Failed")).isEqualTo("FAILED");
    assertThat(StatusModel.statusOfLabel(StatusModel.REACH, "Queued")).isEqualTo("UNKNOWN");
    assertThat(StatusModel.statusOfLabel(StatusModel.REACH, "queued")).isNull();
    assertThat(StatusModel.channelOf("twilio")).isEqualTo("sms");
    assertThat(StatusModel.providerOf("sms")).isEqualTo("twilio");
  }
}
