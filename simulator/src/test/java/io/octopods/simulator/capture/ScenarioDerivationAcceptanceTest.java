package io.octopods.simulator.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.core.Durations;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.scenario.ScenarioReader;
import io.octopods.simulator.junit.OctopodsSimulators;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scenarios derived from what the simulators really send play the library scenario they came from:
 * the same words in the same order, {@code at} within the provider timestamp's resolution relative
 * to the first step, the same repeats, batches, errors and signatures, and the same outcome.
 */
@OctopodsSimulators(clock = "virtual")
class ScenarioDerivationAcceptanceTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "whatsapp-happy-path, whatsapp, +15557300001",
    "whatsapp-c1-duplicate-webhook, whatsapp, +15557300002",
    "whatsapp-c6-distinct-reports-one-batch, whatsapp, +15557300003",
    "whatsapp-l1-several-changes, whatsapp, +15557300004",
    "whatsapp-l1-several-entries, whatsapp, +15557300005",
    "whatsapp-b1-delivered-and-failed, whatsapp, +15557300006",
    "whatsapp-a2-read-before-delivered, whatsapp, +15557300007",
    "twilio-happy-path, twilio, +15557300011",
    "twilio-j1-wrong-secret, twilio, +15557300012",
    "twilio-b2-undelivered-and-delivered, twilio, +15557300013",
    "twilio-a1-sent-after-delivered, twilio, +15557300014",
    "viber-happy-path, viber, +15557300021",
    "viber-c5-delivered-per-device, viber, +15557300022",
    "viber-c4-resent-after-slow-answer, viber, +15557300023",
    "viber-j5-unsigned-callback, viber, +15557300024",
    "viber-j5-bad-signature, viber, +15557300025",
    "viber-f8-failed-after-accepted, viber, +15557300026"
  })
  void aDerivedScenarioPlaysTheLibraryScenarioItCameFrom(
      String scenarioId, String provider, String to, Simulators sims) {
    PlayedCapture.Played played = PlayedCapture.play(sims, provider, scenarioId, to);

    List<ScenarioDerivation.Derived> derived =
        ScenarioDerivation.fromCapture(played.capture(), Optional.empty(), "played.jsonl");

    assertThat(derived)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.providerMessageId()).isEqualTo(played.providerMessageId());
              assertThat(d.id()).matches("^" + provider + "-capture-[0-9a-f]{12}$");
            });
    JsonNode library = sims.client().scenario(provider, scenarioId);
    JsonNode mine =
        Json.parse(Json.write(ScenarioReader.read(derived.get(0).yaml(), "derived").document()));
    assertThat(steps(mine)).as(derived.get(0).yaml()).isEqualTo(steps(library));
    assertThat(offsets(mine))
        .as("at relative to the first step")
        .hasSameSizeAs(offsets(library))
        .satisfies(
            mineAt -> {
              List<Long> libraryAt = offsets(library);
              long resolution = "whatsapp".equals(provider) ? 1000 : 1;
              for (int i = 0; i < mineAt.size(); i++) {
                assertThat(Math.abs(mineAt.get(i) - libraryAt.get(i)))
                    .as("step %d: %d ms, the library's %d ms", i, mineAt.get(i), libraryAt.get(i))
                    .isLessThan(resolution);
              }
            });
    assertThat(mine.at("/expect/status")).isEqualTo(library.at("/expect/status"));
    assertThat(mine.path("description").asText())
        .contains("played.jsonl", played.providerMessageId());
  }

  @Test
  void fieldsTheSimulatorWouldNotWriteBecomeFields(Simulators sims) {
    assertThat(
            fieldsOf(
                sims,
                "twilio",
                """
                id: capture-extra-twilio
                provider: twilio
                description: carrier fields
                callbacks:
                  - at: 1s
                    status: delivered
                    fields:
                      RawDlrDoneDate: "2311261005"
                      ChannelToAddress: "+15557300031"
                """,
                "+15557300031"))
        .isEqualTo(
            Json.parse(
                "{\"RawDlrDoneDate\":\"2311261005\",\"ChannelToAddress\":\"+15557300031\"}"));
    assertThat(
            fieldsOf(
                sims,
                "whatsapp",
                """
                id: capture-extra-whatsapp
                provider: whatsapp
                description: group fields
                callbacks:
                  - at: 1s
                    status: sent
                    fields:
                      recipient_type: group
                      future_field:
                        nested: [1, 2, 3]
                """,
                "+15557300032"))
        .isEqualTo(
            Json.parse("{\"recipient_type\":\"group\",\"future_field\":{\"nested\":[1,2,3]}}"));
    assertThat(
            fieldsOf(
                sims,
                "viber",
                """
                id: capture-extra-viber
                provider: viber
                description: chat fields
                callbacks:
                  - at: 1s
                    status: delivered
                    fields:
                      chat_hostname: SN-CHAT-05_
                """,
                "+15557300033"))
        .isEqualTo(Json.parse("{\"chat_hostname\":\"SN-CHAT-05_\"}"));
  }

  private static JsonNode fieldsOf(Simulators sims, String provider, String yaml, String to) {
    PlayedCapture.Played played = PlayedCapture.playUploaded(sims, provider, yaml, to);
    String derived =
        ScenarioDerivation.fromCapture(played.capture(), Optional.empty(), "extra.jsonl")
            .get(0)
            .yaml();
    JsonNode doc = Json.parse(Json.write(ScenarioReader.read(derived, "derived").document()));
    return doc.at("/callbacks/0/fields");
  }

  /** Each step without its time: word, repeat, batch, error, signature, fields. */
  private static List<String> steps(JsonNode scenario) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : scenario.path("callbacks")) {
      String batch = s.path("batch").asText("");
      out.add(
          s.path("status").asText()
              + " x"
              + s.path("repeat").asInt(1)
              + " batch="
              + ("true".equals(batch) ? "status" : batch)
              + " error="
              + s.path("error").asText("")
              + " signature="
              + s.path("signature").asText("valid"));
    }
    return out;
  }

  private static List<Long> offsets(JsonNode scenario) {
    List<Long> at = new ArrayList<>();
    for (JsonNode s : scenario.path("callbacks")) {
      at.add(Durations.of(s.get("at")).toMillis());
    }
    long first = at.isEmpty() ? 0 : at.get(0);
    return at.stream().map(a -> a - first).toList();
  }
}
