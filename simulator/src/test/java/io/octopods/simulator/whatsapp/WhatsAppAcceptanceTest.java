package io.octopods.simulator.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@OctopodsSimulators(clock = "virtual")
class WhatsAppAcceptanceTest {
  private final CallbackReceiver receiver = new CallbackReceiver();
  private String base;

  @BeforeEach
  void pointWebhookAtReceiver(Simulators sims) {
    base = sims.baseUrl("whatsapp");
    Http.post(base + "/__sim/reset", null, "");
    var set =
        Http.postJson(
            base + "/__sim/webhook", "{\"url\":\"" + receiver.url("/webhooks/whatsapp") + "\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void happyPathPlaysSentDeliveredReadSignedWithTheAppSecret() {
    var sent =
        Http.postJson(
            base + "/v23.0/" + WhatsAppSimulator.PHONE_NUMBER_ID + "/messages",
            "{\"messaging_product\":\"whatsapp\",\"to\":\"15551230001\",\"type\":\"text\",\"text\":{\"body\":\"hi\"},"
                + "\"biz_opaque_callback_data\":\"ours-1\"}",
            "Authorization",
            "Bearer " + WhatsAppSimulator.ACCESS_TOKEN);
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    String wamid = sent.json().at("/messages/0/id").asText();
    assertThat(wamid).startsWith("wamid.");

    var advanced = Http.postJson(base + "/__sim/clock/advance", "{\"by\":\"PT10S\"}");
    assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);

    assertThat(receiver.posts())
        .extracting(r -> r.text().replaceAll(".*\"status\":\"([a-z]+)\".*", "$1"))
        .containsExactly("sent", "delivered", "read");
    receiver
        .posts()
        .forEach(
            r -> {
              assertThat(r.header("X-Hub-Signature-256"))
                  .isEqualTo(WhatsAppSignature.of(WhatsAppSimulator.APP_SECRET, r.body()));
              assertThat(r.text())
                  .contains("\"id\":\"" + wamid + "\"")
                  .contains("\"biz_opaque_callback_data\":\"ours-1\"");
            });
  }
}
