package io.octopods.simulator.tls;

import static io.octopods.simulator.scenarios.WhatsAppDriver.CONTRACTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.scenarios.WhatsAppDriver;
import io.octopods.simulator.support.Http;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTPS as an SDK meets it, over real TLS with a client that trusts only the generated CA: each
 * provider's own TLS port, and the one router that answers for every provider's real host name (by
 * SNI, or by {@code Host}).
 */
class HttpsListenersAcceptanceTest {
  private static Path dataDir;
  private static Simulators sims;
  private static TlsClient client;

  @BeforeAll
  static void start() throws Exception {
    dataDir = Files.createTempDirectory("octopods-tls");
    sims =
        Simulators.start(
            SimulatorSettings.forTests("virtual").withTls(SimulatorSettings.Tls.on(), dataDir));
    client = TlsClient.trustingOnly(dataDir.resolve("ca.p12"));
  }

  @AfterAll
  static void stop() {
    sims.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"twilio", "whatsapp", "viber", "hubspot"})
  void eachProviderAnswersOnItsHttpsPortAndInfoShowsBothBaseUrls(String provider) {
    String https = sims.httpsBaseUrl(provider).orElseThrow();
    assertThat(https).startsWith("https://127.0.0.1:");

    TlsClient.Answer info = client.get(https + "/__sim/info");

    assertThat(info.status()).isEqualTo(200);
    assertThat(CONTRACTS.check("simulator/admin-info.schema.json", info.body())).isEmpty();
    assertThat(info.json().get("provider").asText()).isEqualTo(provider);
    assertThat(info.json().get("base_url").asText()).isEqualTo(sims.baseUrl(provider));
    assertThat(info.json().get("https_base_url").asText()).isEqualTo(https);
  }

  @Test
  void aWhatsAppSendOverHttpsIsAcceptedAsOverHttp() {
    JsonNode credentials =
        Http.get(sims.baseUrl("whatsapp") + "/__sim/info").json().get("credentials");
    String path =
        "/"
            + credentials.get("api_version").asText()
            + "/"
            + credentials.get("phone_number_id").asText()
            + "/messages";

    TlsClient.Answer sent =
        client.post(
            sims.httpsBaseUrl("whatsapp").orElseThrow() + path,
            "application/json",
            "{\"messaging_product\":\"whatsapp\",\"to\":\"15551230001\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}",
            "Authorization",
            "Bearer " + credentials.get("access_token").asText());

    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.json().at("/messages/0/id").asText()).startsWith("wamid.");
  }

  @ParameterizedTest(name = "SNI {0} reaches {1}")
  @CsvSource({
    "api.twilio.com, twilio",
    "graph.facebook.com, whatsapp",
    "chatapi.viber.com, viber",
    "api.hubapi.com, hubspot"
  })
  void theRouterChoosesTheProviderByTheSniName(String host, String provider) {
    int port = sims.tls().orElseThrow().routerPort();

    TlsClient.Answer info =
        client.raw(
            port,
            host,
            "GET /__sim/info HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");

    assertThat(info.status()).isEqualTo(200);
    assertThat(info.json().get("provider").asText()).isEqualTo(provider);
  }

  @Test
  void aTwilioSendThroughTheRouterReachesTwilioUnchanged() {
    JsonNode credentials =
        Http.get(sims.baseUrl("twilio") + "/__sim/info").json().get("credentials");
    String sid = credentials.get("account_sid").asText();
    String auth =
        Base64.getEncoder()
            .encodeToString(
                (sid + ":" + credentials.get("auth_token").asText())
                    .getBytes(StandardCharsets.UTF_8));
    String form = "To=%2B15551230002&From=%2B15005550006&Body=hello";
    int port = sims.tls().orElseThrow().routerPort();

    TlsClient.Answer sent =
        client.raw(
            port,
            "api.twilio.com",
            "POST /2010-04-01/Accounts/"
                + sid
                + "/Messages.json HTTP/1.1\r\nHost: api.twilio.com\r\n"
                + "Authorization: Basic "
                + auth
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: "
                + form.length()
                + "\r\nConnection: close\r\n\r\n"
                + form);

    assertThat(sent.status()).as(sent.head() + "\n" + sent.body()).isEqualTo(201);
    assertThat(sent.json().get("sid").asText()).startsWith("SM");
    assertThat(
            Http.get(sims.baseUrl("twilio") + "/__sim/messages?to=%2B15551230002")
                .json()
                .at("/messages/0/to")
                .asText())
        .isEqualTo("+15551230002");
  }

  @Test
  void withoutSniTheHostHeaderChooses() {
    int port = sims.tls().orElseThrow().routerPort();

    TlsClient.Answer info =
        client.raw(
            port,
            null,
            "GET /__sim/info HTTP/1.1\r\nHost: graph.facebook.com:"
                + port
                + "\r\nConnection: close\r\n\r\n");

    assertThat(info.status()).isEqualTo(200);
    assertThat(info.json().get("provider").asText()).isEqualTo("whatsapp");
  }

  @Test
  void aHostTheRouterDoesNotKnowIs421ProblemNamingTheKnownOnes() {
    int port = sims.tls().orElseThrow().routerPort();

    TlsClient.Answer answer =
        client.raw(
            port,
            null,
            "GET /__sim/info HTTP/1.1\r\nHost: 127.0.0.1:"
                + port
                + "\r\nConnection: close\r\n\r\n");

    assertThat(answer.status()).isEqualTo(421);
    assertThat(answer.head()).containsIgnoringCase("Content-Type: application/problem+json");
    assertThat(answer.json().get("detail").asText())
        .contains("graph.facebook.com")
        .contains("'127.0.0.1'")
        .contains("/etc/hosts");
  }

  @Test
  void thePlainPortsStayAsTheyWere() {
    assertThat(sims.baseUrl("viber")).startsWith("http://127.0.0.1:");
    assertThat(Http.get(sims.baseUrl("viber") + "/__sim/info").status()).isEqualTo(200);
  }

  @Test
  void aSendThatTimesOutClosesTheTlsConnectionWithoutAnAnswerAsOnThePlainPort() {
    WhatsAppDriver whatsapp = new WhatsAppDriver(sims);
    String to = "+15557010077";
    whatsapp.play(
        """
        id: whatsapp-test-tls-timeout
        provider: whatsapp
        description: the send is held 200ms and closed without an answer
        send:
          respond: timeout
          delay: 200ms
        callbacks: []
        """,
        to);
    JsonNode credentials =
        Http.get(sims.baseUrl("whatsapp") + "/__sim/info").json().get("credentials");

    assertThatThrownBy(
            () ->
                client.post(
                    sims.httpsBaseUrl("whatsapp").orElseThrow()
                        + "/"
                        + credentials.get("api_version").asText()
                        + "/"
                        + credentials.get("phone_number_id").asText()
                        + "/messages",
                    "application/json",
                    WhatsAppDriver.textMessage(to.substring(1), null),
                    "Authorization",
                    "Bearer " + credentials.get("access_token").asText()))
        .as("closed without an answer")
        .isInstanceOf(UncheckedIOException.class);
    assertThat(whatsapp.messages()).anySatisfy(m -> assertThat(m.get("to").asText()).isEqualTo(to));
  }

  @Test
  void severalRequestsShareOneRoutedConnection() {
    int port = sims.tls().orElseThrow().routerPort();
    String twice =
        "GET /__sim/clock HTTP/1.1\r\nHost: chatapi.viber.com\r\n\r\n"
            + "GET /__sim/info HTTP/1.1\r\nHost: chatapi.viber.com\r\nConnection: close\r\n\r\n";

    TlsClient.Answer answers = client.raw(port, "chatapi.viber.com", twice);

    assertThat(answers.status()).isEqualTo(200);
    assertThat(answers.body())
        .contains("\"mode\"")
        .contains("HTTP/1.1 200")
        .contains("\"provider\":\"viber\"");
  }
}
