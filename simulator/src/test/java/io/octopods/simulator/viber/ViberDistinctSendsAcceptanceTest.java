package io.octopods.simulator.viber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Distinct sends are never merged (simulator.md, "Distinct sends"): every send Viber accepts is a
 * message with its own token and receipts; {@code tracking_data} only counts the attempts of one
 * receiver, which choose the scenario's answer.
 */
@OctopodsSimulators(clock = "virtual")
class ViberDistinctSendsAcceptanceTest {
  private final CallbackReceiver receiver = new CallbackReceiver();
  private String base;
  private ViberDriver viber;

  @BeforeEach
  void setWebhookToReceiver(Simulators sims) {
    base = sims.baseUrl("viber");
    viber = new ViberDriver(base, receiver);
    Http.post(base + "/__sim/reset", null, "");
    assertThat(viber.setWebhook(receiver.url("/webhooks/viber"), null).json().get("status").asInt())
        .isZero();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void theSameTrackingDataToTwoReceiversIsTwoMessages_eachWithItsOwnTokenAndReceipts() {
    viber.bind("+15552440001", "viber-happy-path");
    viber.bind("+15552440002", "viber-happy-path");
    String first = viber.sendAccepted("+15552440001", "campaign-7");
    String second = viber.sendAccepted("+15552440002", "campaign-7");
    viber.advance("PT10S");

    assertThat(first).isNotEqualTo(second);
    for (String[] pair : new String[][] {{"+15552440001", first}, {"+15552440002", second}}) {
      JsonNode listed = viber.messages(pair[0]);
      assertThat(listed).hasSize(1);
      assertThat(listed.get(0).get("provider_message_id").asText()).isEqualTo(pair[1]);
      assertThat(listed.get(0).get("attempts").asInt()).isEqualTo(1);
      assertThat(listed.get(0).get("correlation").asText()).isEqualTo("campaign-7");
      List<JsonNode> receipts =
          viber.receipts().stream()
              .map(r -> ViberDriver.parse(r.text()))
              .filter(e -> e.get("message_token").bigIntegerValue().toString().equals(pair[1]))
              .toList();
      assertThat(receipts)
          .extracting(e -> e.get("event").asText())
          .containsExactly("delivered", "seen");
      assertThat(receipts)
          .allSatisfy(e -> assertThat(e.get("user_id").asText()).isEqualTo(pair[0]));
    }
  }

  @Test
  void theSameTrackingDataToOneReceiverTwiceIsTwoMessages_attempts1And2_answeredByTheSendList() {
    viber.upload(
        """
        id: viber-test-answers-per-attempt
        provider: viber
        description: the first attempt accepted, later ones answered 500 although Viber creates the message
        send:
          - respond: accept
          - respond: server-error
            accepted: true
        callbacks:
          - at: 2s
            status: delivered
        """);
    viber.bind("+15552440003", "viber-test-answers-per-attempt");
    Http.Answer accepted = viber.send("+15552440003", "ours-3");
    Http.Answer serverError = viber.send("+15552440003", "ours-3");
    Http.Answer again = viber.send("+15552440003", "ours-3");
    viber.advance("PT3S");

    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.json().get("status").asInt()).isZero();
    assertThat(serverError.status())
        .as("the second entry answers the second attempt")
        .isEqualTo(500);
    assertThat(again.status()).as("the last entry repeats").isEqualTo(500);
    JsonNode listed = viber.messages("+15552440003");
    assertThat(listed).extracting(m -> m.get("attempts").asInt()).containsExactly(1, 2, 3);
    assertThat(listed.get(0).get("provider_message_id").asText())
        .isEqualTo(accepted.json().get("message_token").bigIntegerValue().toString());
    assertThat(listed)
        .extracting(m -> m.get("provider_message_id").asText())
        .doesNotHaveDuplicates();
    assertThat(viber.receipts()).hasSize(3);
  }

  @Test
  void aServerErrorAcceptedThenAnAcceptedRetry_twoMessages_eachWithItsReceipts_libraryRowD4() {
    viber.bind("+15552440004", "viber-d4-server-error-but-accepted");
    Http.Answer failed = viber.send("+15552440004", "ours-4");
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.body()).isEmpty();
    viber.advance("PT1S");
    String retried = viber.sendAccepted("+15552440004", "ours-4");
    viber.advance("PT10S");

    JsonNode listed = viber.messages("+15552440004");
    assertThat(listed).extracting(m -> m.get("attempts").asInt()).containsExactly(1, 2);
    assertThat(listed.get(1).get("provider_message_id").asText()).isEqualTo(retried);
    String hidden = listed.get(0).get("provider_message_id").asText();
    assertThat(hidden).isNotEqualTo(retried);
    for (String token : List.of(hidden, retried)) {
      JsonNode journal =
          Http.get(base + "/__sim/callbacks?message=" + token).json().get("attempts");
      assertThat(journal)
          .as("receipts of " + token)
          .extracting(a -> a.get("status").asText())
          .containsExactly("delivered", "seen");
      assertThat(journal)
          .allSatisfy(a -> assertThat(a.get("response_code").asInt()).isEqualTo(200));
    }
  }

  @Test
  void sendsWithoutTrackingDataAreEachAFirstAttempt() {
    viber.upload(
        """
        id: viber-test-first-attempt-only
        provider: viber
        description: accepted on the first attempt of a tracking_data, throttled after
        send:
          - respond: accept
          - respond: throttle
        """);
    viber.bind("+15552440005", "viber-test-first-attempt-only");
    viber.sendAccepted("+15552440005");
    viber.sendAccepted("+15552440005");
    viber.sendAccepted("+15552440005", "ours-5");
    Http.Answer second = viber.send("+15552440005", "ours-5");

    assertThat(second.json().get("status").asInt()).isEqualTo(12);
    assertThat(viber.messages("+15552440005"))
        .hasSize(3)
        .allSatisfy(m -> assertThat(m.get("attempts").asInt()).isEqualTo(1));
  }
}
