package io.octopods.simulator.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.simulator.capture.CaptureDiff.Kind;
import org.junit.jupiter.api.Test;

/** What {@code scenario diff} finds in a capture, and how it reports a capture it cannot read. */
class CaptureDiffTest {
  private static final String ENVELOPE =
      "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":"
          + "[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
          + "{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
          + "\"statuses\":[%s]}}]}]}";

  @Test
  void findsNewWordsFieldsTypesAndCodesAndReportsBadLinesWithTheirNumbers() {
    Capture capture =
        Captures.of("whatsapp")
            .json(
                0,
                ENVELOPE.formatted(
                    "{\"id\":\"wamid.A1\",\"status\":\"sent\",\"timestamp\":\"1750030073\","
                        + "\"recipient_id\":\"16505551234\"}"))
            .line("{\"t\": \"2026-12-01T10:00:01Z\", \"method\": \"POST\", \"body\": ")
            .json(
                2000,
                ENVELOPE.formatted(
                    "{\"id\":\"wamid.A1\",\"status\":\"pending_review\",\"timestamp\":1750030080,"
                        + "\"recipient_id\":\"16505551234\",\"recipient_hash_v2\":\"abc\"},"
                        + "{\"id\":\"wamid.A1\",\"status\":\"failed\",\"timestamp\":\"1750030090\","
                        + "\"recipient_id\":\"16505551234\",\"errors\":[{\"code\":131999,"
                        + "\"title\":\"Brand new\"}]}"))
            .json(3000, "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\"")
            .capture();

    CaptureDiff.Report report = CaptureDiff.of(capture);

    assertThat(report.leftTheContracts()).isTrue();
    assertThat(report.findings())
        .extracting(f -> f.kind() + " " + f.what())
        .contains(
            Kind.NEW_WORD + " pending_review",
            Kind.NEW_FIELD + " /entry/*/changes/*/value/statuses/*/recipient_hash_v2",
            Kind.CHANGED_TYPE + " /entry/*/changes/*/value/statuses/*/timestamp",
            Kind.NEW_ERROR_CODE + " 131999");
    assertThat(report.findings())
        .filteredOn(f -> f.kind() == Kind.CHANGED_TYPE)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.detail()).isEqualTo("expected string, found integer");
              assertThat(f.first()).isEqualTo("callback 2 (line 4)");
            });
    assertThat(report.findings()).noneMatch(f -> f.what().equals("sent"));
    assertThat(report.problems()).extracting(Capture.Problem::line).containsExactly(3, 5);
    assertThat(report.problems().get(1).what()).contains("callback 3 (line 5)", "cut off");
    assertThat(report.markdown())
        .contains("## Provider drift: whatsapp", "| new status word | `pending_review` |")
        .contains("### Problems in the capture", "| 3 | not JSON");
    assertThat(report.json().path("left_the_contracts").asBoolean()).isTrue();
    assertThat(report.json().path("findings").findValuesAsText("kind"))
        .contains("new_word", "new_field", "changed_type", "new_error_code");
    assertThat(report.json().path("problems").findValuesAsText("line")).containsExactly("3", "5");
    assertThat(report.summary())
        .startsWith("The whatsapp capture (3 callbacks, 3 status reports) left the contracts")
        .contains("pending_review", "131999", "line 3", "line 5")
        .doesNotContain("\n");
  }

  @Test
  void callbacksTheSimulatorWritesStayWithinTheContracts() {
    Capture capture =
        Captures.of("twilio")
            .callback(
                0,
                "application/x-www-form-urlencoded",
                "MessageSid=SM0123456789abcdef0123456789abcdef&SmsSid=SM0123456789abcdef0123456789abcdef"
                    + "&AccountSid=AC0123456789abcdef0123456789abcdef&From=%2B15005550006"
                    + "&To=%2B15557300041&MessageStatus=undelivered&SmsStatus=undelivered"
                    + "&ErrorCode=30003&ApiVersion=2010-04-01",
                "valid",
                200)
            .capture();

    CaptureDiff.Report report = CaptureDiff.of(capture);

    assertThat(report.findings()).isEmpty();
    assertThat(report.leftTheContracts()).isFalse();
    assertThat(report.summary()).contains("stays within the contracts");
  }

  @Test
  void aNewTwilioParameterAndAnUnknownCodeLeaveTheContracts() {
    Capture capture =
        Captures.of("twilio")
            .callback(
                0,
                "application/x-www-form-urlencoded",
                "MessageSid=SM0123456789abcdef0123456789abcdef&SmsSid=SM0123456789abcdef0123456789abcdef"
                    + "&AccountSid=AC0123456789abcdef0123456789abcdef"
                    + "&MessageStatus=failed&SmsStatus=failed&ErrorCode=30999&CarrierHint=x",
                "valid",
                200)
            .capture();

    CaptureDiff.Report report = CaptureDiff.of(capture);

    assertThat(report.findings())
        .extracting(f -> f.kind() + " " + f.what())
        .containsExactlyInAnyOrder(
            Kind.NEW_FIELD + " /CarrierHint",
            Kind.MISSING_FIELD + " /From",
            Kind.NEW_ERROR_CODE + " 30999");
  }

  @Test
  void anUnknownProviderIsAProblemOnLineOneNotAnException() {
    Capture capture = Captures.of("sms").json(0, "{\"event\":\"delivered\"}").capture();

    CaptureDiff.Report report = CaptureDiff.of(capture);

    assertThat(report.leftTheContracts()).isFalse();
    assertThat(report.problems())
        .extracting(p -> p.line() + " " + p.what())
        .containsExactly(
            "1 unknown provider 'sms'",
            "1 1 callbacks not checked: no provider to read them as (twilio, whatsapp or viber)");
    assertThat(report.markdown()).contains("unknown provider 'sms'");
  }
}
