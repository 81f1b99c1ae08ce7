package io.octopods.simulator.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.core.tls.CaFiles;
import io.octopods.simulator.core.tls.CertificateAuthority;
import io.octopods.simulator.core.tls.ServerNames;
import io.octopods.simulator.scenarios.WhatsAppDriver;
import io.octopods.simulator.support.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callbacks follow the webhook URL's scheme: to an {@code https} receiver whose certificate a
 * {@code --trust} file vouches for they arrive signed and are answered; to one nobody vouches for
 * they fail, journaled as {@code connect-error}. The receiver's certificate comes from a test CA,
 * not from the JDK's.
 */
class HttpsCallbacksAcceptanceTest {
  private static CertificateAuthority testCa;
  private static HttpsReceiver receiver;

  @TempDir static Path folder;

  @BeforeAll
  static void receiver() {
    testCa = CertificateAuthority.generate();
    receiver = new HttpsReceiver(testCa.issue(ServerNames.of(List.of("127.0.0.1", "localhost"))));
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  @Test
  void aCallbackToATrustedHttpsWebhookArrivesSignedAndIsAnswered() throws Exception {
    Path trust =
        Files.writeString(folder.resolve("test-ca.pem"), CaFiles.pem(testCa.certificate()));
    try (Simulators sims = start(List.of(trust))) {
      WhatsAppDriver whatsapp = new WhatsAppDriver(sims);
      whatsapp.webhookTo(receiver.url("/webhooks/whatsapp"));
      String to = "+1555" + (2000000 + (int) (Math.random() * 7999999));
      whatsapp.bind(to, "whatsapp-happy-path");
      String wamid = whatsapp.sendAccepted(to, null);

      whatsapp.advance("PT1M");

      List<JsonNode> attempts = whatsapp.callbacks(wamid);
      assertThat(attempts)
          .hasSize(3)
          .allSatisfy(
              a -> {
                assertThat(a.get("outcome").asText()).isEqualTo("answered");
                assertThat(a.get("response_code").asInt()).isEqualTo(200);
              });
      String secret =
          Http.get(sims.baseUrl("whatsapp") + "/__sim/info").json().get("signing_secret").asText();
      List<HttpsReceiver.Received> arrived =
          receiver.received().stream().filter(r -> r.body().contains(wamid)).toList();
      assertThat(arrived)
          .hasSize(3)
          .allSatisfy(
              r -> {
                assertThat(r.uri()).isEqualTo("/webhooks/whatsapp");
                assertThat(r.headers().get("x-hub-signature-256"))
                    .isEqualTo("sha256=" + hmacSha256(secret, r.body()));
              });
    }
  }

  @Test
  void aCallbackToAnHttpsWebhookWhoseCertificateNobodyTrustsFailsAsConnectError() {
    try (Simulators sims = start(List.of())) {
      WhatsAppDriver whatsapp = new WhatsAppDriver(sims);
      whatsapp.webhookTo(receiver.url("/webhooks/untrusted"));
      String to = "+1555" + (2000000 + (int) (Math.random() * 7999999));
      whatsapp.bind(to, "whatsapp-happy-path");
      String wamid = whatsapp.sendAccepted(to, null);

      whatsapp.advance("PT1S");

      List<JsonNode> attempts = whatsapp.callbacks(wamid);
      assertThat(attempts)
          .isNotEmpty()
          .allSatisfy(
              a -> {
                assertThat(a.get("url").asText()).startsWith("https://");
                assertThat(a.get("outcome").asText()).isEqualTo("connect-error");
                assertThat(a.get("response_code").isNull()).isTrue();
              });
      assertThat(receiver.received()).noneMatch(r -> r.uri().equals("/webhooks/untrusted"));
    }
  }

  @Test
  void aTrustedCaDoesNotVouchForANameItsCertificateLacks() throws Exception {
    Path trust =
        Files.writeString(folder.resolve("test-ca-2.pem"), CaFiles.pem(testCa.certificate()));
    try (HttpsReceiver onlyLocalhost =
            new HttpsReceiver(testCa.issue(ServerNames.of(List.of("localhost"))));
        Simulators sims = start(List.of(trust))) {
      WhatsAppDriver whatsapp = new WhatsAppDriver(sims);
      whatsapp.webhookTo(onlyLocalhost.url("/webhooks/whatsapp"));
      String to = "+1555" + (2000000 + (int) (Math.random() * 7999999));
      whatsapp.bind(to, "whatsapp-happy-path");
      String wamid = whatsapp.sendAccepted(to, null);

      whatsapp.advance("PT1S");

      assertThat(whatsapp.callbacks(wamid))
          .isNotEmpty()
          .allSatisfy(a -> assertThat(a.get("outcome").asText()).isEqualTo("connect-error"));
      assertThat(onlyLocalhost.received()).isEmpty();
    }
  }

  private static Simulators start(List<Path> trust) {
    return Simulators.start(
        SimulatorSettings.forTests("virtual")
            .withTls(new SimulatorSettings.Tls(false, OptionalInt.empty(), trust), folder));
  }

  private static String hmacSha256(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
