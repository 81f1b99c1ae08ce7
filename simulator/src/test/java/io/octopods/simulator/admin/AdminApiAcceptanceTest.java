package io.octopods.simulator.admin;

import static io.octopods.simulator.scenarios.WhatsAppDriver.CONTRACTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.scenarios.WhatsAppDriver;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every call of the admin API table (simulator.md, "Admin API"), through real HTTP on the WhatsApp port,
 * with the shape of its answer checked field by field and against {@code contracts/simulator/}.
 */
@OctopodsSimulators(clock = "virtual")
class AdminApiAcceptanceTest {
  private final List<CallbackReceiver> receivers = new ArrayList<>();
  private CallbackReceiver receiver;
  private WhatsAppDriver wa;
  private String base;

  @BeforeEach
  void isolate(Simulators sims) {
    wa = new WhatsAppDriver(sims);
    base = wa.base();
    wa.resetAll();
    receiver = receiver();
    wa.webhookTo(receiver);
  }

  @AfterEach
  void closeReceivers() {
    receivers.forEach(CallbackReceiver::close);
  }

  private CallbackReceiver receiver() {
    CallbackReceiver r = new CallbackReceiver();
    receivers.add(r);
    return r;
  }

  // ---- GET /__sim/info ------------------------------------------------------------------------------

  @Test
  void infoNamesTheProviderItsBaseUrlCredentialsSigningSecretWebhookAndClock(Simulators sims) {
    Http.Answer a = Http.get(base + "/__sim/info");

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("application/json");
    assertThat(CONTRACTS.check("simulator/admin-info.schema.json", a.body())).isEmpty();
    JsonNode info = a.json();
    assertThat(info.get("provider").asText()).isEqualTo("whatsapp");
    assertThat(info.get("base_url").asText()).isEqualTo(sims.baseUrl("whatsapp"));
    JsonNode creds = info.get("credentials");
    assertThat(creds.get("access_token").asText()).isNotBlank();
    assertThat(creds.get("app_secret").asText()).isNotBlank();
    assertThat(creds.get("phone_number_id").asText()).isNotBlank();
    assertThat(creds.get("api_version").asText()).matches("v\\d+\\.\\d+");
    assertThat(info.get("test_credentials").isObject()).isTrue();
    assertThat(info.get("signing_secret").asText()).isEqualTo(creds.get("app_secret").asText());
    assertThat(info.get("webhook_url").asText()).isEqualTo(receiver.url("/webhooks/whatsapp"));
    assertThat(info.get("clock").asText()).isEqualTo("virtual");
  }

  @Test
  void theCredentialsOfInfoAreTheOnesTheSendRouteAccepts() {
    Http.Answer wrongToken = Http.postJson(wa.sendUrl(), WhatsAppDriver.textMessage("15557010001", null),
        "Authorization", "Bearer not-the-token");
    assertThat(wrongToken.status()).isEqualTo(401);

    assertThat(wa.sendAccepted("15557010001", null)).startsWith("wamid.");
  }

  // ---- GET /__sim/scenarios, GET /__sim/scenarios/{id} ---------------------------------------------

  @Test
  void scenariosListsTheLibraryOfThisPortsProviderOnly() {
    Http.Answer a = Http.get(base + "/__sim/scenarios");

    assertThat(a.status()).isEqualTo(200);
    assertThat(CONTRACTS.check("simulator/admin-scenarios.schema.json", a.body())).isEmpty();
    List<JsonNode> scenarios = list(a.json().get("scenarios"));
    assertThat(scenarios).isNotEmpty();
    assertThat(scenarios).allSatisfy(s -> {
      assertThat(s.get("provider").asText()).isEqualTo("whatsapp");
      assertThat(s.get("source").asText()).isEqualTo("library");
      assertThat(s.get("id").asText()).startsWith("whatsapp-");
      assertThat(s.get("description").asText()).isNotBlank();
    });
    assertThat(scenarios).extracting(s -> s.get("id").asText())
        .contains("whatsapp-happy-path", "whatsapp-g1-throttled-then-accepted")
        .doesNotContain("twilio-happy-path", "viber-happy-path");
  }

  @Test
  void oneScenarioIsAnsweredAsItsDocument() {
    Http.Answer a = Http.get(base + "/__sim/scenarios/whatsapp-happy-path");

    assertThat(a.status()).isEqualTo(200);
    assertThat(CONTRACTS.check("simulator/scenario.schema.json", a.body())).isEmpty();
    JsonNode doc = a.json();
    assertThat(doc.get("id").asText()).isEqualTo("whatsapp-happy-path");
    assertThat(doc.get("provider").asText()).isEqualTo("whatsapp");
    assertThat(list(doc.get("callbacks"))).extracting(s -> s.get("at").asText() + " " + s.get("status").asText())
        .containsExactly("500ms sent", "2s delivered", "5s read");
  }

  @Test
  void anUnknownScenarioOrOneOfAnotherProviderIs404Problem() {
    assertProblem(Http.get(base + "/__sim/scenarios/no-such-scenario"), 404);
    assertProblem(Http.get(base + "/__sim/scenarios/twilio-happy-path"), 404);
  }

  // ---- POST /__sim/scenarios ------------------------------------------------------------------------

  @Test
  void anUploadInEveryAcceptedMediaTypeIsCreatedThenReplaced() {
    String yaml = """
        id: admin-upload-yaml
        provider: whatsapp
        description: first version
        callbacks:
          - at: 1s
            status: sent
        """;
    Http.Answer created = Http.post(base + "/__sim/scenarios", "application/yaml", yaml);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.contentType()).startsWith("application/json");
    assertThat(CONTRACTS.check("simulator/admin-scenario-uploaded.schema.json", created.body())).isEmpty();
    assertThat(created.json().get("id").asText()).isEqualTo("admin-upload-yaml");
    assertThat(created.json().get("provider").asText()).isEqualTo("whatsapp");

    Http.Answer replaced = Http.post(base + "/__sim/scenarios", "application/x-yaml",
        yaml.replace("first version", "second version"));
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertThat(replaced.json().get("id").asText()).isEqualTo("admin-upload-yaml");
    assertThat(replaced.json().get("provider").asText()).isEqualTo("whatsapp");
    assertThat(Http.get(base + "/__sim/scenarios/admin-upload-yaml").json().get("description").asText())
        .isEqualTo("second version");

    String json = "{\"id\":\"admin-upload-json\",\"provider\":\"whatsapp\",\"description\":\"as JSON\","
        + "\"send\":{\"respond\":\"reject\",\"error\":131026},\"callbacks\":[]}";
    Http.Answer fromJson = Http.post(base + "/__sim/scenarios", "application/json", json);
    assertThat(fromJson.status()).as(fromJson.body()).isEqualTo(201);
    assertThat(Http.post(base + "/__sim/scenarios", "application/json; charset=utf-8", json).status()).isEqualTo(200);
    assertThat(Http.get(base + "/__sim/scenarios/admin-upload-json").json()).isEqualTo(Json.parse(json));

    List<JsonNode> listed = list(Http.get(base + "/__sim/scenarios").json().get("scenarios"));
    assertThat(listed).filteredOn(s -> s.get("id").asText().startsWith("admin-upload-"))
        .extracting(s -> s.get("id").asText() + " " + s.get("source").asText() + " " + s.get("description").asText())
        .containsExactlyInAnyOrder("admin-upload-yaml upload second version", "admin-upload-json upload as JSON");
  }

  @Test
  void anInvalidScenarioIsRefusedWithEverySchemaErrorListed() {
    String yaml = """
        id: "Bad Id"
        provider: whatsapp
        send:
          respond: maybe
        callbacks:
          - status: sent
          - at: 1s
            status: delivered
            colour: blue
        """;
    Http.Answer a = Http.post(base + "/__sim/scenarios", "application/yaml", yaml);

    assertProblem(a, 400);
    List<String> pointers = list(a.json().get("errors")).stream().map(e -> e.get("pointer").asText()).toList();
    assertThat(list(a.json().get("errors"))).allSatisfy(e -> assertThat(e.get("detail").asText()).isNotBlank());
    // id pattern, missing description, unknown respond, step without at, unknown key: five errors at once
    assertThat(pointers).anyMatch(p -> p.equals("/id"));
    assertThat(pointers).anyMatch(p -> p.startsWith("/send"));
    assertThat(pointers).anyMatch(p -> p.startsWith("/callbacks/0"));
    assertThat(pointers).anyMatch(p -> p.startsWith("/callbacks/1"));
    assertThat(a.json().get("errors").toString()).contains("description").contains("colour");
    assertThat(Http.get(base + "/__sim/scenarios/bad-id").status()).isEqualTo(404);
  }

  @Test
  void theCrossFieldRulesAreCheckedTooAndAllListedAtOnce() {
    String yaml = """
        id: admin-bad-rules
        provider: whatsapp
        description: breaks the rules the schema cannot say
        match:
          to: "^(\\\\+1555"
        send:
          respond: timeout
          delay: 6m
        callbacks:
          - at: 1s
            status: sent
            batch: true
          - at: 2s
            status: delivered
          - at: 3s
            status: read
            batch: change
        """;
    Http.Answer a = Http.post(base + "/__sim/scenarios", "application/yaml", yaml);

    assertProblem(a, 400);
    assertThat(list(a.json().get("errors"))).extracting(e -> e.get("pointer").asText())
        .contains("/match/to", "/send/delay", "/callbacks/0/batch", "/callbacks/2/at");
  }

  @Test
  void schemaErrorsAndRuleErrorsAreListedTogether() {
    String yaml = """
        id: admin-two-kinds
        provider: whatsapp
        match:
          to: "^(\\\\+1555"
        callbacks:
          - at: 1s
            status: sent
        """;
    Http.Answer a = Http.post(base + "/__sim/scenarios", "application/yaml", yaml);

    assertProblem(a, 400);
    assertThat(a.json().get("errors").toString()).contains("description");
    assertThat(list(a.json().get("errors"))).extracting(e -> e.get("pointer").asText()).contains("/match/to");
  }

  @Test
  void aDocumentThatIsNotYamlIsRefusedWithAPointer() {
    Http.Answer a = Http.post(base + "/__sim/scenarios", "application/yaml", "id: [unclosed\n  : :");

    assertProblem(a, 400);
    assertThat(list(a.json().get("errors"))).hasSize(1)
        .allSatisfy(e -> assertThat(e.get("pointer").asText()).isEmpty());
  }

  @Test
  void anUploadInAnotherMediaTypeIs415() {
    String yaml = "id: admin-plain\nprovider: whatsapp\ndescription: sent as text\n";

    assertProblem(Http.post(base + "/__sim/scenarios", "text/plain", yaml), 415);
    assertProblem(Http.post(base + "/__sim/scenarios", "application/x-www-form-urlencoded", yaml), 415);
    assertThat(Http.get(base + "/__sim/scenarios/admin-plain").status()).isEqualTo(404);
  }

  @Test
  void aScenarioOfAnotherProviderIsRefused() {
    Http.Answer a = Http.post(base + "/__sim/scenarios", "application/yaml",
        "id: admin-for-viber\nprovider: viber\ndescription: not for this port\n");

    assertProblem(a, 400);
    assertThat(a.json().get("detail").asText()).contains("viber");
    assertThat(Http.get(base + "/__sim/scenarios/admin-for-viber").status()).isEqualTo(404);
  }

  // ---- bindings -------------------------------------------------------------------------------------

  @Test
  void aBindingIsCreatedListedAndDeletedOnce() {
    Http.Answer created = Http.postJson(base + "/__sim/bindings",
        "{\"to\":\"15557010002\",\"scenario\":\"whatsapp-a4-delivered-without-sent\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(CONTRACTS.check("simulator/admin-binding.schema.json", created.body())).isEmpty();
    assertThat(created.json().get("to").asText()).isEqualTo("+15557010002");

    Http.Answer listed = Http.get(base + "/__sim/bindings");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(CONTRACTS.check("simulator/admin-bindings.schema.json", listed.body())).isEmpty();
    assertThat(list(listed.json().get("bindings")))
        .extracting(b -> b.get("to").asText() + " " + b.get("scenario").asText())
        .containsExactly("+15557010002 whatsapp-a4-delivered-without-sent");

    String wamid = wa.sendAccepted("15557010002", null);
    assertThat(wa.message(wamid).get("scenario").asText()).isEqualTo("whatsapp-a4-delivered-without-sent");

    Http.Answer deleted = Http.delete(base + "/__sim/bindings/" + WhatsAppDriver.enc("+15557010002"));
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(list(Http.get(base + "/__sim/bindings").json().get("bindings"))).isEmpty();
    assertProblem(Http.delete(base + "/__sim/bindings/" + WhatsAppDriver.enc("+15557010002")), 404);

    String after = wa.sendAccepted("15557010002", null);
    assertThat(wa.message(after).get("scenario").asText()).isEqualTo("whatsapp-happy-path");
  }

  @Test
  void aBindingWithAPlusInsideItsRecipientCanBeDeleted() {
    Http.Answer created = Http.postJson(base + "/__sim/bindings",
        "{\"to\":\"a1B2+c3D4==\",\"scenario\":\"whatsapp-happy-path\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("to").asText()).isEqualTo("a1B2+c3D4==");

    assertThat(Http.delete(base + "/__sim/bindings/a1B2+c3D4==").status()).isEqualTo(204);
  }

  @Test
  void aPercentEncodedRecipientCanBeUnbound() {
    wa.bind("a1B2+c3D4==", "whatsapp-happy-path");
    assertThat(Http.delete(base + "/__sim/bindings/a1B2%2Bc3D4%3D%3D").status()).isEqualTo(204);
    wa.bind("+15557010020", "whatsapp-happy-path");
    assertThat(Http.delete(base + "/__sim/bindings/+15557010020").status()).isEqualTo(204);
  }

  @Test
  void aBindingToAnUnknownScenarioIs404AndAnIncompleteOneIs400() {
    assertProblem(Http.postJson(base + "/__sim/bindings", "{\"to\":\"+15557010003\",\"scenario\":\"no-such-one\"}"),
        404);
    assertProblem(Http.postJson(base + "/__sim/bindings", "{\"to\":\"+15557010003\",\"scenario\":\"twilio-happy-path\"}"),
        404);
    assertProblem(Http.postJson(base + "/__sim/bindings", "{\"to\":\"+15557010003\"}"), 400);
    assertProblem(Http.postJson(base + "/__sim/bindings", "not json"), 400);
    assertThat(list(Http.get(base + "/__sim/bindings").json().get("bindings"))).isEmpty();
  }

  // ---- messages -------------------------------------------------------------------------------------

  @Test
  void aMessageIsListedWithItsShapeAndItsStatusMovesWithTheClock() {
    Instant before = wa.now();
    String wamid = wa.sendAccepted("15557010004", "ours-4");
    String other = wa.sendAccepted("15557010005", null);

    Http.Answer all = Http.get(base + "/__sim/messages");
    assertThat(all.status()).isEqualTo(200);
    assertThat(CONTRACTS.check("simulator/admin-messages.schema.json", all.body())).isEmpty();
    assertThat(list(all.json().get("messages"))).extracting(m -> m.get("provider_message_id").asText())
        .containsExactly(wamid, other);

    Http.Answer one = Http.get(base + "/__sim/messages?to=15557010004");
    assertThat(list(one.json().get("messages"))).extracting(m -> m.get("provider_message_id").asText())
        .containsExactly(wamid);
    assertThat(list(Http.get(base + "/__sim/messages?to=" + WhatsAppDriver.enc("+15557010005")).json()
        .get("messages"))).extracting(m -> m.get("provider_message_id").asText()).containsExactly(other);

    Http.Answer m = Http.get(base + "/__sim/messages/" + WhatsAppDriver.enc(wamid));
    assertThat(m.status()).isEqualTo(200);
    assertThat(CONTRACTS.check("simulator/admin-message.schema.json", m.body())).isEmpty();
    JsonNode msg = m.json();
    assertThat(msg.get("provider_message_id").asText()).isEqualTo(wamid);
    assertThat(msg.get("to").asText()).isEqualTo("+15557010004");
    assertThat(msg.get("scenario").asText()).isEqualTo("whatsapp-happy-path");
    assertThat(msg.get("attempts").asInt()).isEqualTo(1);
    assertThat(msg.get("correlation").asText()).isEqualTo("ours-4");
    assertThat(Instant.parse(msg.get("received_at").asText())).isEqualTo(before);
    assertThat(wa.message(other).get("correlation").isNull()).isTrue();

    // happy path: sent 500ms, delivered 2s, read 5s; the status is the last step whose time has passed
    String initial = msg.get("status").asText();
    assertThat(initial).isNotIn("sent", "delivered", "read");
    wa.advance("499ms");
    assertThat(wa.status(wamid)).isEqualTo(initial);
    wa.advance("1ms");
    assertThat(wa.status(wamid)).isEqualTo("sent");
    wa.advance("1500ms");
    assertThat(wa.status(wamid)).isEqualTo("delivered");
    wa.advance("3s");
    assertThat(wa.status(wamid)).isEqualTo("read");
    assertThat(wa.status(other)).isEqualTo("read");
  }

  @Test
  void attemptsCountTheSendsOfOneCorrelation() {
    wa.bind("+15557010006", "whatsapp-g1-throttled-then-accepted");
    assertThat(wa.send("15557010006", "ours-6").status()).isEqualTo(429);
    assertThat(wa.send("15557010006", "ours-6").status()).isEqualTo(429);
    String wamid = wa.sendAccepted("15557010006", "ours-6");

    JsonNode msg = wa.message(wamid);
    assertThat(msg.get("attempts").asInt()).isEqualTo(3);
    assertThat(msg.get("correlation").asText()).isEqualTo("ours-6");
    assertThat(wa.messages()).hasSize(1);
  }

  @Test
  void anUnknownMessageIs404Problem() {
    assertProblem(Http.get(base + "/__sim/messages/wamid.NOPE"), 404);
  }

  // ---- callbacks journal ----------------------------------------------------------------------------

  @Test
  void theJournalShowsEveryFieldOfEachAttemptInFiringOrder() {
    Instant start = wa.now();
    String first = wa.sendAccepted("15557010007", "ours-7");
    String second = wa.sendAccepted("15557010008", null);
    wa.advance("6s");

    Http.Answer a = Http.get(base + "/__sim/callbacks");
    assertThat(a.status()).isEqualTo(200);
    assertThat(CONTRACTS.check("simulator/admin-callbacks.schema.json", a.body())).isEmpty();
    List<JsonNode> attempts = list(a.json().get("attempts"));
    assertThat(attempts).hasSize(6);
    assertThat(attempts).extracting(j -> j.get("message").asText())
        .containsExactly(first, second, first, second, first, second);
    assertThat(attempts).extracting(j -> j.get("seq").asLong()).isSorted().doesNotHaveDuplicates();

    List<CallbackReceiver.Received> posts = receiver.posts();
    assertThat(posts).hasSize(6);
    for (int i = 0; i < attempts.size(); i++) {
      JsonNode j = attempts.get(i);
      CallbackReceiver.Received post = posts.get(i);
      int step = i / 2;
      Instant due = start.plus(List.of(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(5)).get(step));
      assertThat(j.get("step").asInt()).isEqualTo(step);
      assertThat(j.get("attempt").asInt()).isEqualTo(1);
      assertThat(Instant.parse(j.get("due_at").asText())).isEqualTo(due);
      assertThat(Instant.parse(j.get("sent_at").asText())).isEqualTo(due);
      assertThat(j.get("url").asText()).isEqualTo(receiver.url("/webhooks/whatsapp"));
      assertThat(j.get("headers").get("Content-Type").asText()).isEqualTo("application/json");
      assertThat(j.get("headers").get("X-Hub-Signature-256").asText()).isEqualTo(post.header("X-Hub-Signature-256"));
      assertThat(j.get("body").asText()).isEqualTo(post.text());
      assertThat(post.header("Content-Length")).isEqualTo(String.valueOf(post.body().length));
      assertThat(post.header("Transfer-Encoding")).isNull();
      assertThat(j.get("signature").asText()).isEqualTo("valid");
      assertThat(j.get("outcome").asText()).isEqualTo("answered");
      assertThat(j.get("response_code").asInt()).isEqualTo(200);
      assertThat(j.get("latency_ms").isIntegralNumber()).isTrue();
      assertThat(j.get("latency_ms").asLong()).isNotNegative();
      assertThat(j.get("next_retry_at").isNull()).isTrue();
    }

    List<JsonNode> ofFirst = wa.callbacks(first);
    assertThat(ofFirst).hasSize(3).allSatisfy(j -> assertThat(j.get("message").asText()).isEqualTo(first));
    assertThat(ofFirst).extracting(j -> j.get("seq").asLong())
        .containsExactly(attempts.get(0).get("seq").asLong(), attempts.get(2).get("seq").asLong(),
            attempts.get(4).get("seq").asLong());
    assertThat(wa.callbacks("wamid.NOPE")).isEmpty();
  }

  @Test
  void anUnreachableReceiverIsJournaledAsAConnectErrorWithItsRetry() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    wa.webhookTo("http://127.0.0.1:" + closedPort + "/webhooks/whatsapp");
    String wamid = wa.sendAccepted("15557010009", null);
    Instant start = wa.now();

    JsonNode advanced = wa.advance("600ms");

    assertThat(list(advanced.get("fired"))).hasSize(1)
        .allSatisfy(f -> assertThat(f.get("response_code").isNull()).isTrue());
    JsonNode j = wa.callbacks(wamid).get(0);
    assertThat(j.get("outcome").asText()).isEqualTo("connect-error");
    assertThat(j.get("response_code").isNull()).isTrue();
    assertThat(Instant.parse(j.get("next_retry_at").asText())).isEqualTo(start.plusMillis(500).plusSeconds(30));
  }

  // ---- clock ----------------------------------------------------------------------------------------

  @Test
  void theClockIsReadAndAdvancedWithTheAttemptsItFired() {
    Http.Answer clock = Http.get(base + "/__sim/clock");
    assertThat(clock.status()).isEqualTo(200);
    assertThat(CONTRACTS.check("simulator/admin-clock.schema.json", clock.body())).isEmpty();
    assertThat(clock.json().get("mode").asText()).isEqualTo("virtual");
    assertThat(clock.json().get("time_scale").asDouble()).isEqualTo(1.0);
    Instant now = Instant.parse(clock.json().get("now").asText());

    String wamid = wa.sendAccepted("15557010010", null);
    Http.Answer advanced = Http.postJson(base + "/__sim/clock/advance", "{\"by\":\"PT2S\"}");

    assertThat(advanced.status()).isEqualTo(200);
    assertThat(CONTRACTS.check("simulator/admin-advance.schema.json", advanced.body())).isEmpty();
    assertThat(Instant.parse(advanced.json().get("now").asText())).isEqualTo(now.plusSeconds(2));
    assertThat(wa.now()).isEqualTo(now.plusSeconds(2));
    List<JsonNode> fired = list(advanced.json().get("fired"));
    List<JsonNode> journal = wa.callbacks(null);
    assertThat(fired).extracting(f -> f.get("message").asText() + " " + f.get("status").asText() + " "
        + f.get("response_code").asInt()).containsExactly(wamid + " sent 200", wamid + " delivered 200");
    assertThat(fired).extracting(f -> f.get("seq").asLong())
        .containsExactly(journal.get(0).get("seq").asLong(), journal.get(1).get("seq").asLong());

    JsonNode nothing = wa.advance("1s");
    assertThat(nothing.get("fired")).isEmpty();
    assertThat(wa.advance("5m").get("fired")).hasSize(1);
    assertThat(Instant.parse(wa.advance("0ms").get("now").asText())).isEqualTo(now.plusSeconds(2 + 1 + 300));
  }

  @Test
  void everyDurationFormOfTheSpecAdvancesTheClock() {
    Instant t0 = wa.now();
    wa.advance("250ms");
    wa.advance("2s");
    wa.advance("5m");
    wa.advance("1h");
    wa.advance("1d");
    wa.advance("PT30S");
    Http.Answer zero = Http.postJson(base + "/__sim/clock/advance", "{\"by\":0}");
    assertThat(zero.status()).isEqualTo(200);
    assertThat(wa.now()).isEqualTo(t0.plus(Duration.parse("P1DT1H5M32.25S")));
  }

  @Test
  void anAdvanceWithABadDurationIs400AndLeavesTheClock() {
    Instant t0 = wa.now();
    assertProblem(Http.postJson(base + "/__sim/clock/advance", "{\"by\":\"soon\"}"), 400);
    assertProblem(Http.postJson(base + "/__sim/clock/advance", "{\"by\":\"-PT5S\"}"), 400);
    assertProblem(Http.postJson(base + "/__sim/clock/advance", "{}"), 400);
    assertProblem(Http.postJson(base + "/__sim/clock/advance", "PT5S"), 400);
    assertThat(wa.now()).isEqualTo(t0);
  }

  @Test
  void aNegativeNumberIsNotADuration() {
    assertProblem(Http.postJson(base + "/__sim/clock/advance", "{\"by\":-5000}"), 400);
  }

  @Test
  void oneClockIsSharedByEveryPort(Simulators sims) {
    String twilio = sims.baseUrl("twilio");
    String wamid = wa.sendAccepted("15557010017", null);

    JsonNode advanced = Http.postJson(twilio + "/__sim/clock/advance", "{\"by\":\"1s\"}").json();

    assertThat(list(advanced.get("fired"))).extracting(f -> f.get("message").asText()).containsExactly(wamid);
    assertThat(receiver.posts()).hasSize(1);
    assertThat(Http.get(twilio + "/__sim/clock").json().get("now").asText())
        .isEqualTo(Http.get(base + "/__sim/clock").json().get("now").asText());
    assertThat(wa.status(wamid)).isEqualTo("sent");
  }

  @Test
  void aRealClockCannotBeAdvanced() {
    try (Simulators real = Simulators.start(SimulatorSettings.forTests("real").withTimeScale(0.01))) {
      String realBase = real.baseUrl("whatsapp");
      JsonNode clock = Http.get(realBase + "/__sim/clock").json();
      assertThat(CONTRACTS.check("simulator/admin-clock.schema.json", clock.toString())).isEmpty();
      assertThat(clock.get("mode").asText()).isEqualTo("real");
      assertThat(clock.get("time_scale").asDouble()).isEqualTo(0.01);
      assertThat(Http.get(realBase + "/__sim/info").json().get("clock").asText()).isEqualTo("real");

      assertProblem(Http.postJson(realBase + "/__sim/clock/advance", "{\"by\":\"PT5S\"}"), 409);
    }
  }

  // ---- reset ----------------------------------------------------------------------------------------

  @Test
  void resetForgetsMessagesBindingsJournalUploadsAndScheduledWorkButKeepsWebhookAndClock() {
    wa.play("""
        id: admin-reset-me
        provider: whatsapp
        description: uploaded, then forgotten
        callbacks:
          - at: 1s
            status: sent
          - at: 10s
            status: delivered
        """, "+15557010011");
    String wamid = wa.sendAccepted("15557010011", "ours-11");
    wa.advance("2s");
    assertThat(receiver.posts()).hasSize(1);
    Instant clockBefore = wa.now();

    Http.Answer reset = Http.post(base + "/__sim/reset", null, "");

    assertThat(reset.status()).isEqualTo(204);
    assertThat(reset.body()).isEmpty();
    assertThat(wa.messages()).isEmpty();
    assertThat(Http.get(base + "/__sim/messages/" + WhatsAppDriver.enc(wamid)).status()).isEqualTo(404);
    assertThat(list(Http.get(base + "/__sim/bindings").json().get("bindings"))).isEmpty();
    assertThat(wa.callbacks(null)).isEmpty();
    assertThat(Http.get(base + "/__sim/scenarios/admin-reset-me").status()).isEqualTo(404);
    assertThat(wa.now()).isEqualTo(clockBefore);
    assertThat(Http.get(base + "/__sim/info").json().get("webhook_url").asText())
        .isEqualTo(receiver.url("/webhooks/whatsapp"));

    // the scheduled 'delivered' at 10s is gone
    assertThat(wa.advance("1m").get("fired")).isEmpty();
    assertThat(receiver.posts()).hasSize(1);

    // the same correlation is a new message now, played by the default; the kept webhook receives it
    String again = wa.sendAccepted("15557010011", "ours-11");
    assertThat(again).isNotEqualTo(wamid);
    assertThat(wa.message(again).get("attempts").asInt()).isEqualTo(1);
    assertThat(wa.message(again).get("scenario").asText()).isEqualTo("whatsapp-happy-path");
    wa.advance("1s");
    assertThat(receiver.posts()).hasSize(2);
  }

  @Test
  void resetOnAnotherPortLeavesThisProviderUnlessAllIsAsked(Simulators sims) {
    String wamid = wa.sendAccepted("15557010012", null);
    String twilio = sims.baseUrl("twilio");

    assertThat(Http.post(twilio + "/__sim/reset", null, "").status()).isEqualTo(204);
    assertThat(wa.messages()).extracting(m -> m.get("provider_message_id").asText()).containsExactly(wamid);

    assertThat(Http.post(twilio + "/__sim/reset?all=true", null, "").status()).isEqualTo(204);
    assertThat(wa.messages()).isEmpty();
    assertThat(wa.advance("10s").get("fired")).isEmpty();
  }

  @Test
  void resetAllFromThisPortAlsoForgetsHubSpotTimelinesAndLimits(Simulators sims) {
    String hubspot = sims.baseUrl("hubspot");
    JsonNode creds = Http.get(hubspot + "/__sim/info").json().get("credentials");
    String[] auth = {"Authorization", "Bearer " + creds.get("access_token").asText()};
    String event = "{\"eventTemplateId\":\"" + creds.get("event_template_id").asText() + "\",\"email\":\"reset@example.com\","
        + "\"id\":\"reset-1\",\"timestamp\":\"2026-11-05T05:01:47.120Z\",\"tokens\":{\"message_id\":\"m-1\","
        + "\"channel\":\"whatsapp\",\"status\":\"SENT\",\"updated_at\":\"2026-11-05T05:01:47.120Z\",\"failure_reason\":\"\"}}";
    assertThat(Http.post(hubspot + "/__sim/reset", null, "").status()).isEqualTo(204);
    Http.Answer created = Http.postJson(hubspot + "/crm/v3/timeline/events", event, auth);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(Http.postJson(hubspot + "/__sim/hubspot/limits", "{\"fail_next\":5,\"fail_status\":503}").status())
        .isEqualTo(200);

    assertThat(Http.post(base + "/__sim/reset", null, "").status()).isEqualTo(204);
    assertThat(Http.get(hubspot + "/__sim/hubspot/timeline?email=reset@example.com").json().get("events")).hasSize(1);

    assertThat(Http.post(base + "/__sim/reset?all=true", null, "").status()).isEqualTo(204);
    assertThat(Http.get(hubspot + "/__sim/hubspot/timeline?email=reset@example.com").json().get("events")).isEmpty();
    Http.Answer again = Http.postJson(hubspot + "/crm/v3/timeline/events", event, auth);
    assertThat(again.status()).as("no injected failure and no known id after reset: " + again.body()).isEqualTo(201);
  }

  // ---- webhook --------------------------------------------------------------------------------------

  @Test
  void aVerifiedWebhookRunsMetasHandshakeFirst() {
    CallbackReceiver verified = receiver();
    Http.Answer a = Http.postJson(base + "/__sim/webhook",
        "{\"url\":\"" + verified.url("/hook") + "\",\"verify_token\":\"tok-1\",\"verify\":true}");

    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(verified.all()).hasSize(1);
    CallbackReceiver.Received handshake = verified.all().get(0);
    assertThat(handshake.method()).isEqualTo("GET");
    assertThat(handshake.uri()).startsWith("/hook?").contains("hub.mode=subscribe").contains("hub.verify_token=tok-1")
        .contains("hub.challenge=");
    assertThat(Http.get(base + "/__sim/info").json().get("webhook_url").asText()).isEqualTo(verified.url("/hook"));

    wa.sendAccepted("15557010013", null);
    wa.advance("1s");
    assertThat(verified.posts()).hasSize(1);
  }

  @Test
  void aWebhookThatFailsTheHandshakeIsRefusedAndTheOldOneKept() {
    CallbackReceiver refusing = receiver().answering(403);
    Http.Answer a = Http.postJson(base + "/__sim/webhook", "{\"url\":\"" + refusing.url("/hook") + "\"}");

    assertProblem(a, 400);
    assertThat(refusing.all()).extracting(CallbackReceiver.Received::method).containsExactly("GET");
    assertThat(Http.get(base + "/__sim/info").json().get("webhook_url").asText())
        .isEqualTo(receiver.url("/webhooks/whatsapp"));
  }

  @Test
  void anUnverifiedWebhookIsKeptWithoutAHandshake() {
    CallbackReceiver refusing = receiver().answering(403);
    Http.Answer a = Http.postJson(base + "/__sim/webhook",
        "{\"url\":\"" + refusing.url("/hook") + "\",\"verify\":false}");

    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(refusing.all()).isEmpty();
    assertThat(Http.get(base + "/__sim/info").json().get("webhook_url").asText()).isEqualTo(refusing.url("/hook"));
  }

  @Test
  void aWebhookThatIsNotAnHttpUrlIs400() {
    assertProblem(Http.postJson(base + "/__sim/webhook", "{\"url\":\"ftp://example.com/x\",\"verify\":false}"), 400);
    assertProblem(Http.postJson(base + "/__sim/webhook", "{\"url\":\"not a url\",\"verify\":false}"), 400);
  }

  @Test
  void severalUrlsReceiveTheCallbacksInTurn() {
    CallbackReceiver one = receiver();
    CallbackReceiver two = receiver();
    Http.Answer a = Http.postJson(base + "/__sim/webhook", "{\"urls\":[\"" + one.url("/hook") + "\",\""
        + two.url("/hook") + "\"],\"verify\":false}");
    assertThat(a.status()).as(a.body()).isEqualTo(200);

    wa.sendAccepted("15557010014", null);
    wa.sendAccepted("15557010015", null);
    JsonNode fired = wa.advance("3s");

    assertThat(fired.get("fired")).hasSize(4)
        .allSatisfy(f -> assertThat(f.get("response_code").asInt()).isEqualTo(200));
    assertThat(one.posts()).hasSize(2);
    assertThat(two.posts()).hasSize(2);
    // in turn: the journal's bodies alternate between the two receivers
    List<JsonNode> journal = wa.callbacks(null);
    List<String> order = new ArrayList<>();
    for (JsonNode j : journal) {
      String body = j.get("body").asText();
      order.add(one.posts().stream().anyMatch(p -> p.text().equals(body)) ? "one" : "two");
    }
    assertThat(order).isIn(List.of("one", "two", "one", "two"), List.of("two", "one", "two", "one"));
  }

  @Test
  void connectToDeliversElsewhereWhileTheCallbackIsSignedAndJournaledForUrl() {
    CallbackReceiver publicOne = receiver();
    CallbackReceiver proxy = receiver();
    Http.Answer a = Http.postJson(base + "/__sim/webhook", "{\"url\":\"" + publicOne.url("/public/hook?x=1")
        + "\",\"verify\":false,\"connect_to\":\"" + proxy.url("") + "\"}");
    assertThat(a.status()).as(a.body()).isEqualTo(200);

    String wamid = wa.sendAccepted("15557010016", null);
    wa.advance("1s");

    assertThat(publicOne.all()).isEmpty();
    assertThat(proxy.posts()).hasSize(1);
    CallbackReceiver.Received post = proxy.posts().get(0);
    assertThat(post.uri()).isEqualTo("/public/hook?x=1");
    assertThat(post.header("X-Hub-Signature-256"))
        .isEqualTo(WhatsAppSignature.of(Http.get(base + "/__sim/info").json().get("signing_secret").asText(),
            post.body()));
    assertThat(wa.callbacks(wamid).get(0).get("url").asText()).isEqualTo(publicOne.url("/public/hook?x=1"));
  }

  // ---- errors ---------------------------------------------------------------------------------------

  @Test
  void anUnknownAdminPathIs404ProblemWhileProviderPathsKeepTheProvidersDialect() {
    assertProblem(Http.get(base + "/__sim/nothing-here"), 404);
    assertProblem(Http.post(base + "/__sim/info", "application/json", "{}"), 404);
    assertProblem(Http.delete(base + "/__sim/messages"), 404);

    Http.Answer graph = Http.get(base + "/v23.0/not-simulated");
    assertThat(graph.contentType()).doesNotContain("problem");
    assertThat(graph.json().has("error")).isTrue();
  }

  // ---- helpers --------------------------------------------------------------------------------------

  private static void assertProblem(Http.Answer a, int status) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.contentType()).as("content type of " + a.body()).startsWith("application/problem+json");
    assertThat(CONTRACTS.check("simulator/problem.schema.json", a.body())).as(a.body()).isEmpty();
    JsonNode p = a.json();
    assertThat(p.get("type").asText()).isNotBlank();
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("detail").asText()).isNotBlank();
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
