package io.octopods.service.adapters.webhooks.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.octopods.service.adapters.webhooks.MalformedEnvelope;
import io.octopods.service.application.IncomingReport;
import io.octopods.service.domain.Channel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Twilio status callbacks as documented (providers.md 1.4) and as they are seen in the wild. */
class TwilioWebhookParsingTest {
  private static final String SID = "SM0123456789abcdef0123456789abcdef";

  /** The illustrative body of providers.md 1.4, with its sids written out. */
  private static final String UNDELIVERED =
      "MessageSid="
          + SID
          + "&SmsSid="
          + SID
          + "&AccountSid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&From=%2B14155552345&To=%2B14155550100"
          + "&MessageStatus=undelivered&SmsStatus=undelivered&ErrorCode=30003&RawDlrDoneDate=2311261005"
          + "&ApiVersion=2010-04-01";

  private static IncomingReport read(String form, String ourId) {
    return TwilioStatusCallback.read(FormBody.parse(form), ourId, form);
  }

  @Test
  void theDocumentedUndeliveredCallback() {
    IncomingReport r = read(UNDELIVERED, "0b8a5c1e-1111-4222-8333-944445555666");

    assertThat(r.channel()).isEqualTo(Channel.SMS);
    assertThat(r.providerMessageId()).contains(SID);
    assertThat(r.ourMessageId()).contains("0b8a5c1e-1111-4222-8333-944445555666");
    assertThat(r.providerWord()).isEqualTo("undelivered");
    assertThat(r.errorCode()).contains("30003");
    assertThat(r.errorTitle()).isEmpty();
    assertThat(r.providerTimestamp())
        .as("Twilio has no event time; RawDlrDoneDate is not one (K1)")
        .isEmpty();
    assertThat(r.rawPayload())
        .as("kept as it came, RawDlrDoneDate included")
        .isEqualTo(UNDELIVERED)
        .contains("RawDlrDoneDate=2311261005");
  }

  @Test
  void aNonNumericErrorCodeAndAnErrorMessageAreKeptAsText() {
    IncomingReport r =
        read(
            "MessageSid="
                + SID
                + "&MessageStatus=failed&ErrorCode=UNKNOWN"
                + "&ErrorMessage=Unreachable+destination+handset&SomeNewParameter=x",
            null);

    assertThat(r.providerWord()).isEqualTo("failed");
    assertThat(r.errorCode()).contains("UNKNOWN");
    assertThat(r.errorTitle()).contains("Unreachable destination handset");
    assertThat(r.ourMessageId()).isEmpty();
  }

  @Test
  void anAbsentOrEmptyErrorCodeIsNoCode() {
    assertThat(read("MessageSid=" + SID + "&MessageStatus=failed", null).errorCode()).isEmpty();
    assertThat(read("MessageSid=" + SID + "&MessageStatus=failed&ErrorCode=", null).errorCode())
        .isEmpty();
  }

  @Test
  void smsSidAndSmsStatusStandInForTheMessageNames() {
    IncomingReport r = read("SmsSid=" + SID + "&SmsStatus=sent", null);

    assertThat(r.providerMessageId()).contains(SID);
    assertThat(r.providerWord()).isEqualTo("sent");
  }

  @Test
  void newWordsAreHandedOnAsTheyCame() {
    assertThat(
            read("MessageSid=" + SID + "&MessageStatus=partially_delivered", null).providerWord())
        .isEqualTo("partially_delivered");
  }

  @Test
  void aCallbackWithoutSidIsStillAReport() {
    IncomingReport r = read("MessageStatus=delivered", "ours");

    assertThat(r.providerMessageId()).isEmpty();
    assertThat(r.ourMessageId()).contains("ours");
  }

  @Test
  void aBodyWithoutStatusIsNoStatusCallback() {
    assertThatThrownBy(() -> read("MessageSid=" + SID + "&AccountSid=AC1", null))
        .isInstanceOf(MalformedEnvelope.class)
        .hasMessageContaining("MessageStatus");
    assertThatThrownBy(() -> read("", null)).isInstanceOf(MalformedEnvelope.class);
  }

  @Test
  void formDecodingIsLenient() {
    Map<String, List<String>> p =
        FormBody.parse("a=%2B1+2&b=100%&c=%zz&d&e=caf%C3%A9&&a=again&f=%E2%82");

    assertThat(p.get("a")).containsExactly("+1 2", "again");
    assertThat(p.get("b")).containsExactly("100%");
    assertThat(p.get("c")).containsExactly("%zz");
    assertThat(p.get("d")).containsExactly("");
    assertThat(p.get("e")).containsExactly("café");
    assertThat(p.get("f")).hasSize(1);
  }

  @Test
  void aJsonBodyGivesItsFieldsAsParameters() {
    byte[] json =
        ("{\"MessageSid\":\""
                + SID
                + "\",\"MessageStatus\":\"delivered\",\"ErrorCode\":30003,"
                + "\"ErrorMessage\":null,\"Nested\":{\"a\":1}}")
            .getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> p = TwilioStatusCallback.jsonParams(json);

    assertThat(p.get("ErrorCode")).containsExactly("30003");
    assertThat(p).doesNotContainKey("ErrorMessage");
    IncomingReport r = TwilioStatusCallback.read(p, null, new String(json, StandardCharsets.UTF_8));
    assertThat(r.providerWord()).isEqualTo("delivered");
    assertThat(r.errorCode()).contains("30003");
    assertThatThrownBy(
            () -> TwilioStatusCallback.jsonParams("[1]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedEnvelope.class)
        .hasMessageContaining("array");
    assertThatThrownBy(() -> TwilioStatusCallback.jsonParams("{".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedEnvelope.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void textsTheStoreCannotHoldAreCutAndCleaned() {
    IncomingReport r =
        read(
            "MessageSid="
                + "S".repeat(500)
                + "&MessageStatus=fail%00ed&ErrorCode="
                + "9".repeat(300),
            null);

    assertThat(r.providerMessageId().get()).hasSize(200);
    assertThat(r.providerWord()).isEqualTo("fail\uFFFDed");
    assertThat(r.errorCode().get()).hasSize(100);
  }
}
