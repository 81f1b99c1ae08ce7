package io.octopods.service.adapters.webhooks.viber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.octopods.service.adapters.webhooks.MalformedEnvelope;
import io.octopods.service.application.IncomingReport;
import io.octopods.service.domain.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Viber callbacks as documented (providers.md 3.4; contracts/providers/viber/examples). */
class ViberWebhookParsingTest {
  static final String DELIVERED =
      "{\"event\":\"delivered\",\"timestamp\":1457764197627,"
          + "\"message_token\":4912661846655238145,\"user_id\":\"01234567890A=\"}";

  private static Optional<IncomingReport> read(String body) {
    return ViberCallback.read(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aDeliveredReceiptKeepsThe64BitTokenExactly() {
    IncomingReport r = read(DELIVERED).orElseThrow();

    assertThat(r.channel()).isEqualTo(Channel.VIBER);
    assertThat(r.providerMessageId())
        .as("above 2^53: a double would give 4912661846655238000")
        .contains("4912661846655238145");
    assertThat(r.providerWord()).isEqualTo("delivered");
    assertThat(r.providerTimestamp())
        .as("Unix milliseconds")
        .contains(Instant.ofEpochMilli(1457764197627L));
    assertThat(r.ourMessageId()).as("Viber echoes nothing of ours on receipts").isEmpty();
    assertThat(r.rawPayload()).isEqualTo(DELIVERED);
  }

  @Test
  void seenFailedAndExpiredAreReports() {
    assertThat(read(DELIVERED.replace("delivered", "seen")).orElseThrow().providerWord())
        .isEqualTo("seen");

    IncomingReport failed =
        read("{\"event\":\"failed\",\"timestamp\":1457764197627,\"message_token\":"
                + "4912661846655238145,\"user_id\":\"01234567890A=\",\"desc\":\"failure description\"}")
            .orElseThrow();
    assertThat(failed.providerWord()).isEqualTo("failed");
    assertThat(failed.errorTitle()).contains("failure description");
    assertThat(failed.errorCode()).isEmpty();

    IncomingReport expired =
        read("{\"event\":\"expired\",\"timestamp\":1457764197627,\"message_token\":"
                + "9223372036854775807,\"user_id\":\"+380501234567\",\"chat_id\":\"01234567890A=\"}")
            .orElseThrow();
    assertThat(expired.providerMessageId()).contains("9223372036854775807");
  }

  @Test
  void aTokenWrittenAsADecimalIsKeptUpTo40Digits() {
    String forty = "1234567890".repeat(4);

    assertThat(
            read(DELIVERED.replace("4912661846655238145", forty + ".0"))
                .orElseThrow()
                .providerMessageId())
        .contains(forty);
    assertThat(
            read(DELIVERED.replace("4912661846655238145", forty + "1.0"))
                .orElseThrow()
                .providerMessageId())
        .isEmpty();
    assertThat(
            read(DELIVERED.replace("4912661846655238145", "1E+39"))
                .orElseThrow()
                .providerMessageId())
        .contains("1" + "0".repeat(39));
    assertThat(
            read(DELIVERED.replace("4912661846655238145", "1E+40"))
                .orElseThrow()
                .providerMessageId())
        .as("41 digits")
        .isEmpty();
  }

  @Test
  void aTokenAboveLongMaxIsStillKeptDigitForDigit() {
    assertThat(
            read(DELIVERED.replace("4912661846655238145", "18446744073709551615"))
                .orElseThrow()
                .providerMessageId())
        .contains("18446744073709551615");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"webhook", "subscribed", "unsubscribed", "conversation_started", "message"})
  void eventsThatAreNoReceiptsAreIgnored(String event) {
    assertThat(
            read(
                "{\"event\":\""
                    + event
                    + "\",\"timestamp\":1457764197627,\"chat_hostname\":\"SN-172_\","
                    + "\"message_token\":5098034272017990000}"))
        .isEmpty();
  }

  @Test
  void anotherWordIsAReportOnlyWithAToken() {
    assertThat(read(DELIVERED.replace("delivered", "clicked")).orElseThrow().providerWord())
        .isEqualTo("clicked");
    assertThat(read("{\"event\":\"client_status\",\"timestamp\":1457764197627}")).isEmpty();
  }

  @Test
  void aReceiptWithoutTokenOrWithOddFieldsIsKeptWithWhatCanBeRead() {
    IncomingReport noToken = read("{\"event\":\"seen\",\"timestamp\":\"soon\"}").orElseThrow();
    assertThat(noToken.providerMessageId()).isEmpty();
    assertThat(noToken.providerTimestamp()).isEmpty();

    IncomingReport quoted =
        read("{\"event\":\"delivered\",\"timestamp\":\"1457764197627\","
                + "\"message_token\":\"4912661846655238145\"}")
            .orElseThrow();
    assertThat(quoted.providerMessageId()).contains("4912661846655238145");
    assertThat(quoted.providerTimestamp()).contains(Instant.ofEpochMilli(1457764197627L));

    assertThat(
            read("{\"event\":\"delivered\",\"message_token\":1.5e3}")
                .orElseThrow()
                .providerMessageId())
        .contains("1500");
    assertThat(
            read("{\"event\":\"delivered\",\"message_token\":1e999999999}")
                .orElseThrow()
                .providerMessageId())
        .as("no huge number is built")
        .isEmpty();
    assertThat(
            read("{\"event\":\"delivered\",\"message_token\":{\"a\":1}}")
                .orElseThrow()
                .providerMessageId())
        .isEmpty();
  }

  @Test
  void anEventThatCannotBeReadIsMalformed() {
    assertThatThrownBy(() -> read("{\"event\":\"delivered\","))
        .isInstanceOf(MalformedEnvelope.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> read("[" + DELIVERED + "]"))
        .isInstanceOf(MalformedEnvelope.class)
        .hasMessageContaining("array");
    assertThatThrownBy(() -> read("{\"timestamp\":1457764197627,\"message_token\":1}"))
        .isInstanceOf(MalformedEnvelope.class)
        .hasMessageContaining("'event'");
    assertThatThrownBy(() -> read("{\"event\":7}")).isInstanceOf(MalformedEnvelope.class);
    assertThatThrownBy(() -> read("")).isInstanceOf(MalformedEnvelope.class);
  }
}
