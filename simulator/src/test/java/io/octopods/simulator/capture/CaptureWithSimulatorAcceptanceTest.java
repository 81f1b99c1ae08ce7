package io.octopods.simulator.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.scenarios.WhatsAppDriver;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.whatsapp.WamId;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import io.octopods.simulator.whatsapp.WhatsAppSimulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WhatsApp simulator's callbacks through the proxy to an endpoint: delivered unchanged and
 * validly signed, recorded as valid, and scrubbed in the capture.
 */
class CaptureWithSimulatorAcceptanceTest {
  @TempDir Path dir;

  @Test
  void capturesTheSimulatorsHappyPathScrubbedWhileTheEndpointGetsItUnchanged() {
    Path out = dir.resolve("capture-whatsapp.jsonl");
    try (Simulators sims = Simulators.start(SimulatorSettings.forTests("virtual"));
        CallbackReceiver endpoint = new CallbackReceiver();
        CaptureProxy proxy =
            CaptureProxy.start(
                new CaptureProxy.Settings(
                    "whatsapp",
                    URI.create(endpoint.url("")),
                    "127.0.0.1",
                    0,
                    out,
                    Optional.of(WhatsAppSimulator.APP_SECRET),
                    Optional.empty(),
                    false,
                    ProxyFixture.CLOCK))) {
      WhatsAppDriver whatsApp = new WhatsAppDriver(sims);
      whatsApp.webhookTo(proxy.url() + "/webhooks/whatsapp");
      String wamid = whatsApp.sendAccepted("+16505551234", "order-1");

      whatsApp.advance("10s");

      await().atMost(Duration.ofSeconds(10)).until(() -> proxy.captured() == 3);
      assertThat(endpoint.posts()).hasSize(3);
      assertThat(endpoint.posts())
          .allSatisfy(
              r -> {
                assertThat(r.uri()).isEqualTo("/webhooks/whatsapp");
                assertThat(r.text()).contains("16505551234", wamid);
                assertThat(r.header(WhatsAppSignature.HEADER))
                    .isEqualTo(WhatsAppSignature.of(WhatsAppSimulator.APP_SECRET, r.body()));
              });
    }

    Capture capture = Capture.read(out);
    assertThat(capture.problems()).isEmpty();
    assertThat(capture.header().scrubbed()).isTrue();
    assertThat(capture.callbacks()).hasSize(3);
    assertThat(capture.callbacks())
        .allSatisfy(
            c -> {
              assertThat(c.signature()).isEqualTo("valid");
              assertThat(c.upstreamStatus()).isEqualTo(200);
              assertThat(c.body()).doesNotContain("16505551234");
              JsonNode s = Json.parse(c.body()).at("/entry/0/changes/0/value/statuses/0");
              String recipient = s.get("recipient_id").asText();
              assertThat(recipient).matches("1\\d{3}55501\\d{2}");
              assertThat(WamId.recipient(s.get("id").asText())).contains(recipient);
            });
    assertThat(capture.callbacks())
        .extracting(
            c -> Json.parse(c.body()).at("/entry/0/changes/0/value/statuses/0/status").asText())
        .containsExactly("sent", "delivered", "read");
  }
}
