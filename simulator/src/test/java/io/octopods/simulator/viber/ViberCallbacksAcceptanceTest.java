package io.octopods.simulator.viber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.core.payload.Signing;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Viber's receipts as scenarios script them: retries, foreign tokens, any word, failure text,
 * signatures, raw bodies.
 */
@OctopodsSimulators(clock = "virtual")
class ViberCallbacksAcceptanceTest {
  private final CallbackReceiver receiver = new CallbackReceiver();
  private String base;
  private ViberDriver viber;

  @BeforeEach
  void setWebhookToReceiver(Simulators sims) {
    base = sims.baseUrl("viber");
    viber = new ViberDriver(base, receiver);
    Http.post(base + "/__sim/reset", null, "");
    assertThat(viber.setWebhook(receiver.url("/webhooks/viber")).json().get("status").asInt())
        .isZero();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void aFailingWebhookIsRetried3Times5sApart_thenEvery60s_untilAnHourAfterTheFirstAttempt() {
    viber.bind("+15552220001", "viber-a6-delivered-never-seen");
    String token = viber.sendAccepted("+15552220001");
    receiver.answering(500);

    viber.advance("PT2M");
    JsonNode attempts = viber.journal();
    assertThat(attempts).hasSize(5); // at 2s, 7s, 12s, 17s, 77s
    List<Long> waits = new ArrayList<>();
    for (JsonNode a : attempts) {
      assertThat(a.get("message").asText()).isEqualTo(token);
      assertThat(a.get("outcome").asText()).isEqualTo("answered");
      assertThat(a.get("response_code").asInt()).isEqualTo(500);
      waits.add(
          Duration.between(
                  Instant.parse(a.get("due_at").asText()),
                  Instant.parse(a.get("next_retry_at").asText()))
              .toSeconds());
    }
    assertThat(waits).containsExactly(5L, 5L, 5L, 60L, 60L);
    assertThat(attempts).extracting(a -> a.get("attempt").asInt()).containsExactly(1, 2, 3, 4, 5);

    viber.advance("PT2H");
    attempts = viber.journal();
    Instant first = Instant.parse(attempts.get(0).get("due_at").asText());
    JsonNode last = attempts.get(attempts.size() - 1);
    assertThat(last.get("next_retry_at").isNull()).as("gives up after an hour").isTrue();
    assertThat(Duration.between(first, Instant.parse(last.get("due_at").asText())))
        .isLessThanOrEqualTo(Duration.ofHours(1));
    assertThat(attempts).hasSize(4 + 59); // 0, 5, 10, 15 s, then 75 s ... 3555 s
    assertThat(receiver.posts().subList(1, receiver.posts().size()))
        .hasSize(attempts.size())
        .extracting(CallbackReceiver.Received::text)
        .containsOnly(receiver.posts().get(1).text());
  }

  @Test
  void fieldsCarryForeignTokensExactly_rowD3() {
    viber.bind("+15552220002", "viber-d3-receipts-for-unknown-tokens");
    String token = viber.sendAccepted("+15552220002");
    viber.advance("PT5S");
    assertThat(viber.receipts())
        .extracting(CallbackReceiver.Received::text)
        .satisfiesExactly(
            ours -> assertThat(ours).contains("\"message_token\":" + token + ","),
            foreign -> assertThat(foreign).contains("\"message_token\":1234567890123456789,"),
            foreign -> assertThat(foreign).contains("\"message_token\":8765432109876543210,"));
    assertThat(ViberDriver.parse(viber.receipts().get(2).text()).get("message_token").asLong())
        .isEqualTo(8765432109876543210L);
    viber
        .receipts()
        .forEach(
            r ->
                assertThat(
                        ViberDriver.CONTRACTS.check(
                            "providers/viber/callback.schema.json", r.text()))
                    .isEmpty());
  }

  @Test
  void anyEventWordPassesThrough_expiredIncluded() {
    viber.bind("+15552220003", "viber-f8-expired-after-accepted");
    String token = viber.sendAccepted("+15552220003");
    viber.advance("P1DT1M");
    assertThat(viber.receipts()).hasSize(1);
    JsonNode expired = ViberDriver.parse(viber.receipts().get(0).text());
    assertThat(expired.get("event").asText()).isEqualTo("expired");
    assertThat(expired.get("message_token").bigIntegerValue().toString()).isEqualTo(token);
    assertThat(expired.has("desc")).isFalse();
  }

  @Test
  void failedWithoutAnErrorStillCarriesADesc_asViberAlwaysSends() {
    viber.upload(
        """
        id: viber-test-failed-no-error
        provider: viber
        description: failed, the scenario naming no error
        callbacks:
          - at: 1s
            status: failed
        """);
    viber.bind("+15552220006", "viber-test-failed-no-error");
    viber.sendAccepted("+15552220006");
    viber.advance("PT5S");
    assertThat(viber.receipts()).hasSize(1);
    String receipt = viber.receipts().get(0).text();
    assertThat(ViberDriver.parse(receipt).get("desc").asText())
        .isEqualTo(ViberCallbacks.FAILED_WITHOUT_ERROR);
    assertThat(ViberDriver.CONTRACTS.check("providers/viber/callback.schema.json", receipt))
        .isEmpty();
  }

  @Test
  void failedCarriesTheErrorAsDesc_aNumberAsItsDescription() {
    viber.bind("+15552220004", "viber-f8-failed-after-accepted");
    viber.sendAccepted("+15552220004");
    viber.upload(
        """
        id: viber-test-failed-code
        provider: viber
        description: failed with a status code as error, then a word Viber never sent
        callbacks:
          - at: 1s
            status: failed
            error: 5
          - at: 2s
            status: undelivered-by-carrier-pigeon
        """);
    viber.bind("+15552220005", "viber-test-failed-code");
    viber.sendAccepted("+15552220005");
    viber.advance("PT5S");
    assertThat(viber.receipts())
        .extracting(r -> ViberDriver.parse(r.text()))
        .satisfiesExactly(
            code ->
                assertThat(code.get("desc").asText())
                    .isEqualTo("The receiver is not registered to Viber (5)"),
            text ->
                assertThat(text.get("desc").asText())
                    .isEqualTo("Message rejected by the receiving client: invalid keyboard"),
            word ->
                assertThat(word.get("event").asText()).isEqualTo("undelivered-by-carrier-pigeon"));
  }

  @Test
  void signatureInvalidUsesTheWrongSecret_missingSendsNoHeader() {
    viber.bind("+15552220006", "viber-j5-bad-signature");
    viber.sendAccepted("+15552220006");
    viber.bind("+15552220007", "viber-j5-unsigned-callback");
    viber.sendAccepted("+15552220007");
    viber.advance("PT10S");
    List<CallbackReceiver.Received> r = viber.receipts();
    assertThat(r)
        .hasSize(3); // bad delivered, unsigned delivered (both at 2s), then the valid seen at 5s
    CallbackReceiver.Received bad = r.get(0);
    assertThat(
            ViberSignature.valid(
                ViberSimulator.AUTH_TOKEN, bad.body(), bad.header(ViberSignature.HEADER)))
        .isFalse();
    assertThat(bad.header(ViberSignature.HEADER))
        .isEqualTo(ViberSignature.of(Signing.WRONG_SECRET, bad.body()));
    assertThat(r.get(1).header(ViberSignature.HEADER)).isNull();
    assertThat(
            ViberSignature.valid(
                ViberSimulator.AUTH_TOKEN, r.get(2).body(), r.get(2).header(ViberSignature.HEADER)))
        .isTrue();
    assertThat(viber.journal())
        .extracting(a -> a.get("signature").asText())
        .containsExactly("invalid", "missing", "valid");
  }

  @Test
  void aRawBodyGetsNativePlaceholders_theCheckEventScenario() {
    viber.bind("+15552220008", "viber-j5-webhook-check-event");
    long sentAt = viber.nowMillis();
    viber.sendAccepted("+15552220008");
    viber.advance("PT3S");
    List<CallbackReceiver.Received> posts = receiver.posts();
    CallbackReceiver.Received check = posts.get(posts.size() - 2);
    assertThat(check.text())
        .isEqualTo(
            "{\"event\":\"webhook\",\"timestamp\":"
                + sentAt
                + ",\"chat_hostname\":\"SN-219_\",\"message_token\":241256543215}");
    assertThat(check.header(ViberSignature.HEADER))
        .isEqualTo(ViberSignature.of(ViberSimulator.AUTH_TOKEN, check.body()));
    assertThat(ViberDriver.parse(posts.get(posts.size() - 1).text()).get("event").asText())
        .isEqualTo("delivered");
  }

  @Test
  void placeholdersInFieldsTakeTheirNativeType() {
    viber.upload(
        """
        id: viber-test-placeholders
        provider: viber
        description: placeholders in fields
        callbacks:
          - at: 1s
            status: delivered
            fields:
              chat_id: "{{to}}"
              echo_token: "{{provider_message_id}}"
              echo_time: "{{timestamp}}"
              note: "sent to {{callback_url}}"
              user_id: null
        """);
    viber.bind("+15552220009", "viber-test-placeholders");
    long sentAt = viber.nowMillis();
    String token = viber.sendAccepted("+15552220009");
    viber.advance("PT2S");
    String text = viber.receipts().get(0).text();
    assertThat(text)
        .isEqualTo(
            "{\"event\":\"delivered\",\"timestamp\":"
                + (sentAt + 1000)
                + ",\"message_token\":"
                + token
                + ",\"chat_id\":\"+15552220009\",\"echo_token\":"
                + token
                + ",\"echo_time\":"
                + (sentAt + 1000)
                + ",\"note\":\"sent to "
                + receiver.url("/webhooks/viber")
                + "\"}");
  }
}
