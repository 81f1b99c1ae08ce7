package io.octopods.simulator.viber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code set_webhook}'s {@code event_types} decide which callbacks Viber sends (absent: all): a
 * callback left out is neither sent nor journaled, and the subscription is read when each callback
 * falls due.
 */
@OctopodsSimulators(clock = "virtual")
class ViberEventTypesAcceptanceTest {
  private final CallbackReceiver receiver = new CallbackReceiver();
  private String base;
  private ViberDriver viber;

  @BeforeEach
  void reset(Simulators sims) {
    base = sims.baseUrl("viber");
    viber = new ViberDriver(base, receiver);
    Http.post(base + "/__sim/reset", null, "");
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void onlyTheSubscribedEventsAreSent_theOthersNeitherSentNorJournaled() {
    Http.Answer set = viber.setWebhook(receiver.url("/webhooks/viber"), "[\"delivered\"]");
    assertThat(set.json().get("event_types"))
        .extracting(JsonNode::asText)
        .containsExactly("delivered");
    viber.bind("+15552550001", "viber-happy-path"); // delivered 2s, seen 5s
    String token = viber.sendAccepted("+15552550001");

    JsonNode fired = viber.advance("PT10S").json().get("fired");

    assertThat(viber.receipts())
        .extracting(r -> ViberDriver.parse(r.text()).get("event").asText())
        .containsExactly("delivered");
    assertThat(fired).extracting(f -> f.get("status").asText()).containsExactly("delivered");
    assertThat(viber.journal())
        .extracting(a -> a.get("status").asText())
        .containsExactly("delivered");
    assertThat(Http.get(base + "/__sim/messages/" + token).json().get("status").asText())
        .as("the user still saw it; only the notification is left out")
        .isEqualTo("seen");
  }

  @Test
  void withoutEventTypesEveryEventIsSent_andWordsEventTypesCannotNameAlwaysAre() {
    viber.setWebhook(receiver.url("/webhooks/viber"), "[\"seen\"]");
    viber.bind("+15552550002", "viber-f8-expired-after-accepted"); // expired 1d
    viber.sendAccepted("+15552550002");
    viber.advance("P1DT1M");
    assertThat(viber.receipts())
        .extracting(r -> ViberDriver.parse(r.text()).get("event").asText())
        .containsExactly("expired");

    Http.Answer all = viber.setWebhook(receiver.url("/webhooks/viber"), null);
    assertThat(all.json().get("event_types"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "delivered", "seen", "failed", "subscribed", "unsubscribed", "conversation_started");
    viber.bind("+15552550003", "viber-f8-failed-after-accepted"); // failed 2s
    viber.sendAccepted("+15552550003");
    viber.advance("PT5S");
    assertThat(viber.receipts())
        .extracting(r -> ViberDriver.parse(r.text()).get("event").asText())
        .containsExactly("expired", "failed");
  }

  @Test
  void theSubscriptionIsReadWhenTheCallbackFallsDue() {
    viber.setWebhook(receiver.url("/webhooks/viber"), null);
    viber.bind("+15552550004", "viber-happy-path");
    viber.sendAccepted("+15552550004");
    viber.advance("PT3S");
    viber.setWebhook(receiver.url("/webhooks/viber"), "[\"delivered\",\"failed\"]");
    viber.advance("PT5S");

    assertThat(viber.receipts())
        .extracting(r -> ViberDriver.parse(r.text()).get("event").asText())
        .as("seen fell due after set_webhook left it out")
        .containsExactly("delivered");
  }

  @Test
  void aWebhookSetThroughTheAdminApiToAnotherUrlGetsEveryEvent() {
    viber.setWebhook(receiver.url("/webhooks/viber"), "[\"failed\"]");
    Http.Answer admin =
        Http.postJson(base + "/__sim/webhook", "{\"url\":\"" + receiver.url("/admin-set") + "\"}");
    assertThat(admin.status()).as(admin.body()).isEqualTo(200);
    viber.bind("+15552550005", "viber-happy-path");
    viber.sendAccepted("+15552550005");
    viber.advance("PT10S");

    assertThat(viber.receipts())
        .extracting(r -> ViberDriver.parse(r.text()).get("event").asText())
        .containsExactly("delivered", "seen");
  }
}
