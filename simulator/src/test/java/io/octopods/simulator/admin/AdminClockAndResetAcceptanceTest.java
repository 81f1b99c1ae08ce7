package io.octopods.simulator.admin;

import static io.octopods.simulator.scenarios.WhatsAppDriver.CONTRACTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.scenarios.WhatsAppDriver;
import io.octopods.simulator.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /__sim/clock}, {@code POST /__sim/clock/advance} and {@code POST /__sim/reset}
 * (simulator.md, "Admin API"), through real HTTP on the WhatsApp port, with the shape of its answer
 * checked field by field and against {@code contracts/simulator/}.
 */
@OctopodsSimulators(clock = "virtual")
class AdminClockAndResetAcceptanceTest extends AdminApiFixture {
  // ---- clock
  // ----------------------------------------------------------------------------------------

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
    assertThat(fired)
        .extracting(
            f ->
                f.get("message").asText()
                    + " "
                    + f.get("status").asText()
                    + " "
                    + f.get("response_code").asInt())
        .containsExactly(wamid + " sent 200", wamid + " delivered 200");
    assertThat(fired)
        .extracting(f -> f.get("seq").asLong())
        .containsExactly(journal.get(0).get("seq").asLong(), journal.get(1).get("seq").asLong());

    JsonNode nothing = wa.advance("1s");
    assertThat(nothing.get("fired")).isEmpty();
    assertThat(wa.advance("5m").get("fired")).hasSize(1);
    assertThat(Instant.parse(wa.advance("0ms").get("now").asText()))
        .isEqualTo(now.plusSeconds(2 + 1 + 300));
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

    assertThat(list(advanced.get("fired")))
        .extracting(f -> f.get("message").asText())
        .containsExactly(wamid);
    assertThat(receiver.posts()).hasSize(1);
    assertThat(Http.get(twilio + "/__sim/clock").json().get("now").asText())
        .isEqualTo(Http.get(base + "/__sim/clock").json().get("now").asText());
    assertThat(wa.status(wamid)).isEqualTo("sent");
  }

  @Test
  void aRealClockCannotBeAdvanced() {
    try (Simulators real =
        Simulators.start(SimulatorSettings.forTests("real").withTimeScale(0.01))) {
      String realBase = real.baseUrl("whatsapp");
      JsonNode clock = Http.get(realBase + "/__sim/clock").json();
      assertThat(CONTRACTS.check("simulator/admin-clock.schema.json", clock.toString())).isEmpty();
      assertThat(clock.get("mode").asText()).isEqualTo("real");
      assertThat(clock.get("time_scale").asDouble()).isEqualTo(0.01);
      assertThat(Http.get(realBase + "/__sim/info").json().get("clock").asText()).isEqualTo("real");

      assertProblem(Http.postJson(realBase + "/__sim/clock/advance", "{\"by\":\"PT5S\"}"), 409);
    }
  }

  // ---- reset
  // ----------------------------------------------------------------------------------------

  @Test
  void resetForgetsMessagesBindingsJournalUploadsAndScheduledWorkButKeepsWebhookAndClock() {
    wa.play(
        """
        id: admin-reset-me
        provider: whatsapp
        description: uploaded, then forgotten
        callbacks:
          - at: 1s
            status: sent
          - at: 10s
            status: delivered
        """,
        "+15557010011");
    String wamid = wa.sendAccepted("15557010011", "ours-11");
    wa.advance("2s");
    assertThat(receiver.posts()).hasSize(1);
    Instant clockBefore = wa.now();

    Http.Answer reset = Http.post(base + "/__sim/reset", null, "");

    assertThat(reset.status()).isEqualTo(204);
    assertThat(reset.body()).isEmpty();
    assertThat(wa.messages()).isEmpty();
    assertThat(Http.get(base + "/__sim/messages/" + WhatsAppDriver.enc(wamid)).status())
        .isEqualTo(404);
    assertThat(list(Http.get(base + "/__sim/bindings").json().get("bindings"))).isEmpty();
    assertThat(wa.callbacks(null)).isEmpty();
    assertThat(Http.get(base + "/__sim/scenarios/admin-reset-me").status()).isEqualTo(404);
    assertThat(wa.now()).isEqualTo(clockBefore);
    assertThat(Http.get(base + "/__sim/info").json().get("webhook_url").asText())
        .isEqualTo(receiver.url("/webhooks/whatsapp"));

    // the scheduled 'delivered' at 10s is gone
    assertThat(wa.advance("1m").get("fired")).isEmpty();
    assertThat(receiver.posts()).hasSize(1);

    // the same correlation is a new message now, played by the default; the kept webhook receives
    // it
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
    assertThat(wa.messages())
        .extracting(m -> m.get("provider_message_id").asText())
        .containsExactly(wamid);

    assertThat(Http.post(twilio + "/__sim/reset?all=true", null, "").status()).isEqualTo(204);
    assertThat(wa.messages()).isEmpty();
    assertThat(wa.advance("10s").get("fired")).isEmpty();
  }

  @Test
  void resetAllFromThisPortAlsoForgetsHubSpotTimelinesAndLimits(Simulators sims) {
    String hubspot = sims.baseUrl("hubspot");
    JsonNode creds = Http.get(hubspot + "/__sim/info").json().get("credentials");
    String[] auth = {"Authorization", "Bearer " + creds.get("access_token").asText()};
    String event =
        "{\"eventTemplateId\":\""
            + creds.get("event_template_id").asText()
            + "\",\"email\":\"reset@example.com\","
            + "\"id\":\"reset-1\",\"timestamp\":\"2026-11-05T05:01:47.120Z\",\"tokens\":{\"message_id\":\"m-1\","
            + "\"channel\":\"whatsapp\",\"status\":\"SENT\",\"updated_at\":\"2026-11-05T05:01:47.120Z\",\"failure_reason\":\"\"}}";
    assertThat(Http.post(hubspot + "/__sim/reset", null, "").status()).isEqualTo(204);
    Http.Answer created = Http.postJson(hubspot + "/crm/v3/timeline/events", event, auth);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(
            Http.postJson(
                    hubspot + "/__sim/hubspot/limits", "{\"fail_next\":5,\"fail_status\":503}")
                .status())
        .isEqualTo(200);

    assertThat(Http.post(base + "/__sim/reset", null, "").status()).isEqualTo(204);
    assertThat(
            Http.get(hubspot + "/__sim/hubspot/timeline?email=reset@example.com")
                .json()
                .get("events"))
        .hasSize(1);

    assertThat(Http.post(base + "/__sim/reset?all=true", null, "").status()).isEqualTo(204);
    assertThat(
            Http.get(hubspot + "/__sim/hubspot/timeline?email=reset@example.com")
                .json()
                .get("events"))
        .isEmpty();
    Http.Answer again = Http.postJson(hubspot + "/crm/v3/timeline/events", event, auth);
    assertThat(again.status())
        .as("no injected failure and no known id after reset: " + again.body())
        .isEqualTo(201);
  }
}
