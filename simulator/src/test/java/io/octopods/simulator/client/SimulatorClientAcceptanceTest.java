package io.octopods.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.SimulatorClient.Advanced;
import io.octopods.simulator.SimulatorClient.Binding;
import io.octopods.simulator.SimulatorClient.CallbackAttempt;
import io.octopods.simulator.SimulatorClient.Clock;
import io.octopods.simulator.SimulatorClient.Fired;
import io.octopods.simulator.SimulatorClient.HubSpotLimits;
import io.octopods.simulator.SimulatorClient.Info;
import io.octopods.simulator.SimulatorClient.Message;
import io.octopods.simulator.SimulatorClient.Refusal;
import io.octopods.simulator.SimulatorClient.Refused;
import io.octopods.simulator.SimulatorClient.ScenarioSummary;
import io.octopods.simulator.SimulatorClient.TimelineEvent;
import io.octopods.simulator.SimulatorClient.Uploaded;
import io.octopods.simulator.SimulatorClient.Webhook;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every public method of {@link SimulatorClient} against real simulators on the virtual clock, each
 * answer checked against what the simulators did: the Graph API send, the callbacks a receiver of
 * ours got, the effect of HubSpot's limits and refusals on its timeline API. The client and the
 * simulators come from {@link OctopodsSimulators}'s injection, which this class proves as it goes.
 */
@OctopodsSimulators(clock = "virtual")
class SimulatorClientAcceptanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String READ_BEFORE_DELIVERED = "whatsapp-a2-read-before-delivered";

  private final SimulatorClient sims;
  private final Simulators simulators;
  private final List<CallbackReceiver> receivers = new ArrayList<>();
  private CallbackReceiver receiver;

  SimulatorClientAcceptanceTest(SimulatorClient sims, Simulators simulators) {
    this.sims = sims;
    this.simulators = simulators;
  }

  @BeforeEach
  void startFromResetSimulatorsCallingOurReceiver() {
    sims.reset();
    receiver = receiver();
    sims.setWebhook("whatsapp", Webhook.to(receiver.url("/webhooks/whatsapp")).unverified());
  }

  @AfterEach
  void closeReceivers() {
    receivers.forEach(CallbackReceiver::close);
  }

  // ---- the injection and the client's addresses ----

  @Test
  void theInjectedClientSpeaksToTheInjectedSimulators(
      SimulatorClient inTest, Simulators simulatorsInTest) {
    assertThat(inTest).as("one client per test class").isSameAs(sims);
    assertThat(simulatorsInTest).as("one set of simulators per test class").isSameAs(simulators);
    assertThat(simulators.providers()).containsExactlyElementsOf(SimulatorClient.PROVIDERS);
    for (String provider : SimulatorClient.PROVIDERS) {
      assertThat(sims.baseUrl(provider)).isEqualTo(simulators.baseUrl(provider));
      Info info = sims.info(provider);
      assertThat(info.provider()).isEqualTo(provider);
      assertThat(info.baseUrl()).isEqualTo(simulators.baseUrl(provider));
      assertThat(info.clock()).isEqualTo("virtual");
    }
    assertThatThrownBy(() -> sims.baseUrl("telegram"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("telegram")
        .hasMessageContaining("whatsapp");
  }

  @Test
  void aClientAtBaseUrlsOrAPortBaseAddressesTheSameSimulators() {
    SimulatorClient byUrl =
        SimulatorClient.at(Map.of("whatsapp", simulators.baseUrl("whatsapp") + "/"));
    assertThat(byUrl.baseUrl("whatsapp")).isEqualTo(simulators.baseUrl("whatsapp"));
    assertThat(byUrl.info("whatsapp").baseUrl()).isEqualTo(simulators.baseUrl("whatsapp"));
    assertThat(byUrl.clock()).isEqualTo(sims.clock());

    SimulatorClient byPortBase = SimulatorClient.at("127.0.0.1", 8080);
    assertThat(SimulatorClient.PROVIDERS)
        .extracting(byPortBase::baseUrl)
        .containsExactly(
            "http://127.0.0.1:8081",
            "http://127.0.0.1:8082",
            "http://127.0.0.1:8083",
            "http://127.0.0.1:8084");
  }

  // ---- scenarios and bindings ----

  @Test
  void scenariosListTheLibraryAndScenarioAnswersOneDocument() {
    List<ScenarioSummary> scenarios = sims.scenarios("whatsapp");
    assertThat(scenarios)
        .isNotEmpty()
        .allSatisfy(
            s -> {
              assertThat(s.provider()).isEqualTo("whatsapp");
              assertThat(s.source()).isEqualTo("library");
              assertThat(s.description()).isNotBlank();
            });
    assertThat(scenarios)
        .extracting(ScenarioSummary::id)
        .contains("whatsapp-happy-path", READ_BEFORE_DELIVERED)
        .doesNotContain("twilio-happy-path");

    JsonNode doc = sims.scenario("whatsapp", READ_BEFORE_DELIVERED);
    assertThat(doc.path("id").asText()).isEqualTo(READ_BEFORE_DELIVERED);
    assertThat(doc.path("callbacks"))
        .extracting(s -> s.path("at").asText() + " " + s.path("status").asText())
        .containsExactly("500ms sent", "1s read", "1200ms delivered", "3s delivered");

    Refused unknown = refused(() -> sims.scenario("whatsapp", "no-such-scenario"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.problem().path("detail").asText()).isNotBlank();
  }

  @Test
  void anUploadIsCreatedThenReplacedAndListedAsAnUpload() {
    String yaml =
        """
        id: client-upload
        provider: whatsapp
        description: first version
        callbacks:
          - at: 1s
            status: sent
        """;

    assertThat(sims.upload("whatsapp", yaml))
        .isEqualTo(new Uploaded("client-upload", "whatsapp", false));
    assertThat(sims.upload("whatsapp", yaml.replace("first version", "second version")))
        .isEqualTo(new Uploaded("client-upload", "whatsapp", true));

    assertThat(sims.scenario("whatsapp", "client-upload").path("description").asText())
        .isEqualTo("second version");
    assertThat(sims.scenarios("whatsapp"))
        .filteredOn(s -> s.id().equals("client-upload"))
        .containsExactly(
            new ScenarioSummary("client-upload", "whatsapp", "second version", "upload"));
  }

  @Test
  void anInvalidScenarioIsRefusedWithStatus400AndAPointerPerError() {
    String yaml =
        """
        id: "Bad Id"
        provider: whatsapp
        send:
          respond: maybe
        callbacks:
          - status: sent
        """;

    Refused refused = refused(() -> sims.upload("whatsapp", yaml));

    assertThat(refused.status()).isEqualTo(400);
    List<String> pointers = new ArrayList<>();
    refused.problem().path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
    assertThat(pointers)
        .contains("/id")
        .anyMatch(p -> p.startsWith("/send"))
        .anyMatch(p -> p.startsWith("/callbacks/0"));
    assertThat(refused.getMessage()).contains("400").contains("/id");
    assertThat(sims.scenarios("whatsapp"))
        .extracting(ScenarioSummary::source)
        .containsOnly("library");
  }

  @Test
  void bindListsAndUnbindForgetsARecipientsScenario() {
    Binding bound = sims.bind("whatsapp", "15557020001", READ_BEFORE_DELIVERED);

    assertThat(bound)
        .as("the recipient is normalised to E.164")
        .isEqualTo(new Binding("+15557020001", READ_BEFORE_DELIVERED));
    assertThat(sims.bindings("whatsapp")).containsExactly(bound);
    assertThat(sims.bindings("twilio")).isEmpty();

    sims.unbind("whatsapp", "+15557020001");

    assertThat(sims.bindings("whatsapp")).isEmpty();
    assertThat(refused(() -> sims.unbind("whatsapp", "+15557020001")).status()).isEqualTo(404);
    assertThat(refused(() -> sims.bind("whatsapp", "+15557020001", "no-such-scenario")).status())
        .isEqualTo(404);
  }

  // ---- a send, what the simulator took and the callbacks it made ----

  @Test
  void aSendIsListedAndAdvancingDeliversItsCallbacksSignedToOurReceiver() throws Exception {
    String to = "+15557020002";
    sims.bind("whatsapp", to, READ_BEFORE_DELIVERED);
    String wamid = sendWhatsApp(to, "hi");
    String other = sendWhatsApp("+15557020003", "hello");
    Clock before = sims.clock();

    Message taken = sims.message("whatsapp", wamid).orElseThrow();
    assertThat(taken.providerMessageId()).isEqualTo(wamid);
    assertThat(taken.to()).isEqualTo(to);
    assertThat(taken.scenario()).isEqualTo(READ_BEFORE_DELIVERED);
    assertThat(taken.attempts()).isEqualTo(1);
    assertThat(taken.receivedAt()).isEqualTo(before.now());
    assertThat(taken.status()).isNotIn("sent", "read", "delivered");
    assertThat(sims.messages("whatsapp"))
        .extracting(Message::providerMessageId)
        .containsExactly(wamid, other);
    assertThat(sims.messages("whatsapp", to)).containsExactly(taken);
    assertThat(sims.messages("whatsapp", "+15557029999")).isEmpty();
    assertThat(sims.message("whatsapp", "wamid.unknown")).isEmpty();
    assertThat(sims.callbacks("whatsapp")).as("nothing fires until the clock moves").isEmpty();
    assertThat(receiver.posts()).isEmpty();

    Advanced advanced = sims.advance(Duration.ofSeconds(10));

    assertThat(advanced.now()).isEqualTo(before.now().plusSeconds(10));
    assertThat(sims.clock().now()).isEqualTo(advanced.now());
    assertThat(advanced.fired())
        .filteredOn(f -> f.message().equals(wamid))
        .extracting(Fired::status)
        .containsExactly("sent", "read", "delivered", "delivered");
    assertThat(advanced.fired()).extracting(Fired::responseCode).containsOnly(Optional.of(200));

    List<String> heard = new ArrayList<>();
    for (CallbackReceiver.Received post : receiver.posts()) {
      JsonNode status = JSON.readTree(post.body()).at("/entry/0/changes/0/value/statuses/0");
      if (status.path("id").asText().equals(wamid)) {
        heard.add(status.path("status").asText());
      }
      assertThat(post.header(WhatsAppSignature.HEADER))
          .isEqualTo(WhatsAppSignature.of(sims.info("whatsapp").signingSecret(), post.body()));
    }
    assertThat(heard).containsExactly("sent", "read", "delivered", "delivered");

    List<CallbackAttempt> attempts = sims.callbacks("whatsapp", wamid);
    assertThat(attempts)
        .extracting(CallbackAttempt::status)
        .containsExactly("sent", "read", "delivered", "delivered");
    assertThat(attempts)
        .allSatisfy(
            a -> {
              assertThat(a.message()).isEqualTo(wamid);
              assertThat(a.url()).isEqualTo(receiver.url("/webhooks/whatsapp"));
              assertThat(a.outcome()).isEqualTo("answered");
              assertThat(a.responseCode()).contains(200);
              assertThat(a.signature()).isEqualTo("valid");
              assertThat(a.sentAt()).isPresent();
              assertThat(a.json().at("/entry/0/changes/0/value/statuses/0/id").asText())
                  .isEqualTo(wamid);
            });
    assertThat(attempts)
        .extracting(a -> a.dueAt().toEpochMilli() - before.now().toEpochMilli())
        .containsExactly(500L, 1000L, 1200L, 3000L);
    assertThat(sims.callbacks("whatsapp")).hasSize(advanced.fired().size()).containsAll(attempts);
    assertThat(sims.message("whatsapp", wamid).orElseThrow().status())
        .as("the last status its scenario reached")
        .isEqualTo("delivered");
  }

  // ---- the clock and reset ----

  @Test
  void oneVirtualClockIsSharedAndAdvancesByExactlyTheDurationAsked() {
    Clock clock = sims.clock();
    assertThat(clock.mode()).isEqualTo("virtual");
    for (String provider : SimulatorClient.PROVIDERS) {
      assertThat(sims.clock(provider)).isEqualTo(clock);
    }

    assertThat(sims.advance("90s").now()).isEqualTo(clock.now().plusSeconds(90));
    assertThat(sims.advance(Duration.ofMinutes(2)).fired()).isEmpty();
    assertThat(sims.clock("hubspot").now()).isEqualTo(clock.now().plusSeconds(210));
    assertThat(refused(() -> sims.advance("soon")).status()).isEqualTo(400);
  }

  @Test
  void resetForgetsEverySimulatorsStateAndKeepsTheWebhookAndTheClock() throws Exception {
    sims.upload(
        "whatsapp",
        """
        {"id": "client-reset", "provider": "whatsapp", "description": "gone after reset", "callbacks": []}
        """);
    sims.bind("whatsapp", "+15557020004", READ_BEFORE_DELIVERED);
    sims.bind("twilio", "+15557020004", "twilio-happy-path");
    sendWhatsApp("+15557020004", "hi");
    sims.advance("5s");
    sims.refuse("ana@example.com", 404);
    Clock clock = sims.clock();

    sims.reset("whatsapp");

    assertThat(sims.bindings("whatsapp")).isEmpty();
    assertThat(sims.messages("whatsapp")).isEmpty();
    assertThat(sims.callbacks("whatsapp")).isEmpty();
    assertThat(sims.scenarios("whatsapp"))
        .extracting(ScenarioSummary::id)
        .doesNotContain("client-reset");
    assertThat(sims.bindings("twilio")).as("the other simulators are left alone").hasSize(1);
    assertThat(sims.refusals()).hasSize(1);

    sims.reset();

    assertThat(sims.bindings("twilio")).isEmpty();
    assertThat(sims.refusals()).isEmpty();
    assertThat(sims.webhook("whatsapp").url()).contains(receiver.url("/webhooks/whatsapp"));
    assertThat(sims.clock()).isEqualTo(clock);
  }

  // ---- the provider's account and its webhook ----

  @Test
  void infoAnswersTheCredentialsTheSigningSecretAndTheWebhook() {
    Info whatsapp = sims.info("whatsapp");

    assertThat(whatsapp.credentials())
        .containsKeys("access_token", "phone_number_id", "api_version", "app_secret");
    assertThat(whatsapp.signingSecret()).isEqualTo(whatsapp.credentials().get("app_secret"));
    assertThat(whatsapp.webhookUrl()).contains(receiver.url("/webhooks/whatsapp"));
    assertThat(whatsapp.httpsBaseUrl()).as("no TLS in tests").isEmpty();
    assertThat(sims.info("hubspot").credentials())
        .containsKeys("access_token", "event_template_id");
  }

  @Test
  void aVerifiedWebhookRunsMetasHandshakeAndIsReadBackWithItsSettings() {
    CallbackReceiver verified = receiver();
    Webhook set =
        sims.setWebhook("whatsapp", Webhook.to(verified.url("/hook")).withVerifyToken("our-token"));

    assertThat(verified.all())
        .singleElement()
        .satisfies(
            handshake -> {
              assertThat(handshake.method()).isEqualTo("GET");
              assertThat(handshake.uri())
                  .contains("hub.mode=subscribe")
                  .contains("hub.verify_token=our-token");
            });
    assertThat(set.url()).contains(verified.url("/hook"));
    assertThat(sims.webhook("whatsapp")).isEqualTo(set);
    assertThat(set.verifyToken()).contains("our-token");

    CallbackReceiver proxy = receiver();
    Webhook viaProxy =
        sims.setWebhook(
            "whatsapp",
            Webhook.to("http://status.example.test/hook")
                .withConnectTo(proxy.url(""))
                .unverified());
    assertThat(viaProxy.url()).contains("http://status.example.test/hook");
    assertThat(viaProxy.connectTo()).contains(proxy.url(""));
    assertThat(proxy.all()).as("unverified: no handshake").isEmpty();

    CallbackReceiver refusing = receiver().answering(403);
    assertThat(
            refused(() -> sims.setWebhook("whatsapp", Webhook.to(refusing.url("/hook")))).status())
        .isEqualTo(400);
  }

  // ---- HubSpot ----

  @Test
  void hubSpotLimitsAreSetReadBackAndApplied() throws Exception {
    HubSpotLimits defaults = sims.hubSpotLimits();
    assertThat(defaults.per10s()).isEmpty();
    assertThat(defaults.policy()).isEqualTo("TEN_SECONDLY_ROLLING");
    assertThat(defaults.failNext()).isZero();

    HubSpotLimits limited =
        sims.setHubSpotLimits(
            HubSpotLimits.rateLimit(5).policy("DAILY").retryAfter(Duration.ofSeconds(7)));
    assertThat(limited.per10s()).contains(5);
    assertThat(limited.policy()).isEqualTo("DAILY");
    assertThat(limited.retryAfterSeconds()).contains(7L);
    assertThat(sims.hubSpotLimits()).isEqualTo(limited);

    HubSpotLimits failing = sims.setHubSpotLimits(HubSpotLimits.failNext(1, 503).noRateLimit());
    assertThat(failing.per10s()).isEmpty();
    assertThat(failing.failNext()).isEqualTo(1);
    assertThat(failing.failStatus()).isEqualTo("503");
    assertThat(failing.failDelay()).isEmpty();
    assertThat(pushTimelineEvent("ana@example.com", "SENT")).isEqualTo(503);
    assertThat(pushTimelineEvent("ana@example.com", "SENT")).isEqualTo(201);
    assertThat(sims.hubSpotLimits().failNext()).isZero();

    HubSpotLimits resetting =
        sims.setHubSpotLimits(
            new HubSpotLimits.Change().resetNext(2).failDelay(Duration.ofMillis(1500)));
    assertThat(resetting.failStatus()).isEqualTo("reset");
    assertThat(resetting.failDelay()).contains("PT1.5S");
    assertThat(refused(() -> sims.setHubSpotLimits(HubSpotLimits.failNext(1, 409))).status())
        .isEqualTo(400);
  }

  @Test
  void aRefusedContactsEventsAreRefusedUntilTheRefusalsAreLifted() throws Exception {
    Refusal refusal = sims.refuse("Ana@Example.com", 404);

    assertThat(refusal).isEqualTo(new Refusal("Ana@Example.com", 404));
    assertThat(sims.refusals()).containsExactly(refusal);
    assertThat(pushTimelineEvent("ana@example.com", "SENT")).isEqualTo(404);
    assertThat(sims.timeline("ana@example.com")).isEmpty();
    assertThat(refused(() -> sims.refuse("ana@example.com", 409)).status()).isEqualTo(400);

    sims.liftRefusals();

    assertThat(sims.refusals()).isEmpty();
    assertThat(pushTimelineEvent("ana@example.com", "DELIVERED")).isEqualTo(201);
    List<TimelineEvent> timeline = sims.timeline("ana@example.com");
    assertThat(timeline)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).endsWith("-DELIVERED");
              assertThat(e.eventTemplateId())
                  .isEqualTo(sims.info("hubspot").credentials().get("event_template_id"));
              assertThat(e.email()).contains("ana@example.com");
              assertThat(e.tokens().path("status").asText()).isEqualTo("DELIVERED");
              assertThat(e.receivedAt()).isEqualTo(sims.clock().now());
            });
  }

  @Test
  void anUnknownContactsTimelineIsEmpty() {
    assertThat(sims.timeline("nobody@example.com")).isEmpty();
  }

  // ---- helpers: the provider APIs, spoken with plain java.net.http ----

  /**
   * Sends a text through the simulator's Graph API with the credentials of {@code info}; answers
   * its wamid.
   */
  private String sendWhatsApp(String to, String text) throws IOException, InterruptedException {
    Map<String, String> account = sims.info("whatsapp").credentials();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    sims.baseUrl("whatsapp")
                        + "/"
                        + account.get("api_version")
                        + "/"
                        + account.get("phone_number_id")
                        + "/messages"))
            .header("Authorization", "Bearer " + account.get("access_token"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"messaging_product\":\"whatsapp\",\"to\":\""
                        + to.substring(1)
                        + "\",\"type\":\"text\",\"text\":{\"body\":\""
                        + text
                        + "\"}}"))
            .build();
    HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).at("/messages/0/id").asText();
  }

  /**
   * Creates one timeline event for {@code email} through HubSpot's API; answers the status code.
   */
  private int pushTimelineEvent(String email, String status)
      throws IOException, InterruptedException {
    Map<String, String> account = sims.info("hubspot").credentials();
    String event =
        "{\"eventTemplateId\":\""
            + account.get("event_template_id")
            + "\",\"email\":\""
            + email
            + "\","
            + "\"id\":\"c1e7a0de-0000-4000-8000-000000000001-"
            + status
            + "\","
            + "\"tokens\":{\"message_id\":\"c1e7a0de-0000-4000-8000-000000000001\",\"channel\":\"whatsapp\","
            + "\"status\":\""
            + status
            + "\",\"updated_at\":\"2026-11-05T05:01:47.120Z\",\"failure_reason\":\"\"}}";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sims.baseUrl("hubspot") + "/crm/v3/timeline/events"))
            .header("Authorization", "Bearer " + account.get("access_token"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(event))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private CallbackReceiver receiver() {
    CallbackReceiver r = new CallbackReceiver();
    receivers.add(r);
    return r;
  }

  private static Refused refused(Runnable call) {
    Throwable thrown = catchThrowable(call::run);
    assertThat(thrown).isInstanceOf(Refused.class);
    return (Refused) thrown;
  }
}
