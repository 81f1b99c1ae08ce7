package io.octopods.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's "reproduce a provider edge case in three steps", call for call. */
@OctopodsSimulators(clock = "virtual")
class ReadmeWalkthroughAcceptanceTest {
  private final CallbackReceiver endpoint = new CallbackReceiver();

  @AfterEach
  void close() {
    endpoint.close();
  }

  @Test
  void bindSendAdvanceAndTheScriptedCallbacksArriveInOrderSigned(Simulators sims) {
    String whatsapp = sims.baseUrl("whatsapp");
    String info = Http.get(whatsapp + "/__sim/info").body();
    assertThat(info)
        .contains("\"phone_number_id\":\"106540352242922\"")
        .contains("octopods-whatsapp-access-token");

    // 1. choose the behaviour
    assertThat(
            Http.postJson(
                    whatsapp + "/__sim/bindings",
                    "{\"to\":\"+15551230001\",\"scenario\":\"whatsapp-a2-read-before-delivered\"}")
                .status())
        .isEqualTo(201);
    assertThat(
            Http.postJson(
                    whatsapp + "/__sim/webhook",
                    "{\"url\":\"" + endpoint.url("/webhooks/whatsapp") + "\",\"verify\":false}")
                .status())
        .isEqualTo(200);

    // 2. send as you would to Meta
    var sent =
        Http.postJson(
            whatsapp + "/v23.0/106540352242922/messages",
            "{\"messaging_product\":\"whatsapp\",\"to\":\"15551230001\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}",
            "Authorization",
            "Bearer octopods-whatsapp-access-token");
    assertThat(sent.status()).isEqualTo(200);
    assertThat(endpoint.posts()).as("nothing fires before the clock moves").isEmpty();

    // 3. play it
    var advanced = Http.postJson(whatsapp + "/__sim/clock/advance", "{\"by\":\"PT10S\"}");
    assertThat(advanced.json().get("fired")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(endpoint.posts())
        .extracting(r -> r.text().replaceAll(".*\"status\":\"([a-z]+)\".*", "$1"))
        .containsExactly("sent", "read", "delivered", "delivered");
    endpoint
        .posts()
        .forEach(
            r ->
                assertThat(r.header("X-Hub-Signature-256"))
                    .isEqualTo(WhatsAppSignature.of("octopods-whatsapp-app-secret", r.body())));
    assertThat(Http.get(whatsapp + "/__sim/callbacks").json().get("attempts"))
        .allSatisfy(a -> assertThat(a.get("outcome").asText()).isEqualTo("answered"));
  }
}
