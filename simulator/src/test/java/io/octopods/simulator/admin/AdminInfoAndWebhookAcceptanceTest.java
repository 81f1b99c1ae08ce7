package io.octopods.simulator.admin;

import static io.octopods.simulator.scenarios.WhatsAppDriver.CONTRACTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.scenarios.WhatsAppDriver;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /__sim/info}, {@code POST /__sim/webhook} and unknown admin paths (simulator.md,
 * "Admin API"), through real HTTP on the WhatsApp port, with the shape of its answer checked field
 * by field and against {@code contracts/simulator/}.
 */
@OctopodsSimulators(clock = "virtual")
class AdminInfoAndWebhookAcceptanceTest extends AdminApiFixture {
  // ---- GET /__sim/info
  // ------------------------------------------------------------------------------

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
    Http.Answer wrongToken =
        Http.postJson(
            wa.sendUrl(),
            WhatsAppDriver.textMessage("15557010001", null),
            "Authorization",
            "Bearer not-the-token");
    assertThat(wrongToken.status()).isEqualTo(401);

    assertThat(wa.sendAccepted("15557010001", null)).startsWith("wamid.");
  }

  // ---- webhook
  // --------------------------------------------------------------------------------------

  @Test
  void aVerifiedWebhookRunsMetasHandshakeFirst() {
    CallbackReceiver verified = receiver();
    Http.Answer a =
        Http.postJson(
            base + "/__sim/webhook",
            "{\"url\":\""
                + verified.url("/hook")
                + "\",\"verify_token\":\"tok-1\",\"verify\":true}");

    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(verified.all()).hasSize(1);
    CallbackReceiver.Received handshake = verified.all().get(0);
    assertThat(handshake.method()).isEqualTo("GET");
    assertThat(handshake.uri())
        .startsWith("/hook?")
        .contains("hub.mode=subscribe")
        .contains("hub.verify_token=tok-1")
        .contains("hub.challenge=");
    assertThat(Http.get(base + "/__sim/info").json().get("webhook_url").asText())
        .isEqualTo(verified.url("/hook"));

    wa.sendAccepted("15557010013", null);
    wa.advance("1s");
    assertThat(verified.posts()).hasSize(1);
  }

  @Test
  void aWebhookThatFailsTheHandshakeIsRefusedAndTheOldOneKept() {
    CallbackReceiver refusing = receiver().answering(403);
    Http.Answer a =
        Http.postJson(base + "/__sim/webhook", "{\"url\":\"" + refusing.url("/hook") + "\"}");

    assertProblem(a, 400);
    assertThat(refusing.all()).extracting(CallbackReceiver.Received::method).containsExactly("GET");
    assertThat(Http.get(base + "/__sim/info").json().get("webhook_url").asText())
        .isEqualTo(receiver.url("/webhooks/whatsapp"));
  }

  @Test
  void anUnverifiedWebhookIsKeptWithoutAHandshake() {
    CallbackReceiver refusing = receiver().answering(403);
    Http.Answer a =
        Http.postJson(
            base + "/__sim/webhook",
            "{\"url\":\"" + refusing.url("/hook") + "\",\"verify\":false}");

    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(refusing.all()).isEmpty();
    assertThat(Http.get(base + "/__sim/info").json().get("webhook_url").asText())
        .isEqualTo(refusing.url("/hook"));
  }

  @Test
  void aWebhookThatIsNotAnHttpUrlIs400() {
    assertProblem(
        Http.postJson(
            base + "/__sim/webhook", "{\"url\":\"ftp://example.com/x\",\"verify\":false}"),
        400);
    assertProblem(
        Http.postJson(base + "/__sim/webhook", "{\"url\":\"not a url\",\"verify\":false}"), 400);
  }

  @Test
  void severalUrlsReceiveTheCallbacksInTurn() {
    CallbackReceiver one = receiver();
    CallbackReceiver two = receiver();
    Http.Answer a =
        Http.postJson(
            base + "/__sim/webhook",
            "{\"urls\":[\""
                + one.url("/hook")
                + "\",\""
                + two.url("/hook")
                + "\"],\"verify\":false}");
    assertThat(a.status()).as(a.body()).isEqualTo(200);

    wa.sendAccepted("15557010014", null);
    wa.sendAccepted("15557010015", null);
    JsonNode fired = wa.advance("3s");

    assertThat(fired.get("fired"))
        .hasSize(4)
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
    assertThat(order)
        .isIn(List.of("one", "two", "one", "two"), List.of("two", "one", "two", "one"));
  }

  @Test
  void connectToDeliversElsewhereWhileTheCallbackIsSignedAndJournaledForUrl() {
    CallbackReceiver publicOne = receiver();
    CallbackReceiver proxy = receiver();
    Http.Answer a =
        Http.postJson(
            base + "/__sim/webhook",
            "{\"url\":\""
                + publicOne.url("/public/hook?x=1")
                + "\",\"verify\":false,\"connect_to\":\""
                + proxy.url("")
                + "\"}");
    assertThat(a.status()).as(a.body()).isEqualTo(200);

    String wamid = wa.sendAccepted("15557010016", null);
    wa.advance("1s");

    assertThat(publicOne.all()).isEmpty();
    assertThat(proxy.posts()).hasSize(1);
    CallbackReceiver.Received post = proxy.posts().get(0);
    assertThat(post.uri()).isEqualTo("/public/hook?x=1");
    assertThat(post.header("X-Hub-Signature-256"))
        .isEqualTo(
            WhatsAppSignature.of(
                Http.get(base + "/__sim/info").json().get("signing_secret").asText(), post.body()));
    assertThat(wa.callbacks(wamid).get(0).get("url").asText())
        .isEqualTo(publicOne.url("/public/hook?x=1"));
  }

  // ---- errors
  // ---------------------------------------------------------------------------------------

  @Test
  void anUnknownAdminPathIs404ProblemWhileProviderPathsKeepTheProvidersDialect() {
    assertProblem(Http.get(base + "/__sim/nothing-here"), 404);
    assertProblem(Http.post(base + "/__sim/info", "application/json", "{}"), 404);
    assertProblem(Http.delete(base + "/__sim/messages"), 404);

    Http.Answer graph = Http.get(base + "/v23.0/not-simulated");
    assertThat(graph.contentType()).doesNotContain("problem");
    assertThat(graph.json().has("error")).isTrue();
  }
}
