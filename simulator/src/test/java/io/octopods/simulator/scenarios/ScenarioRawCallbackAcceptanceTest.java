package io.octopods.simulator.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Callback bodies written by hand (simulator.md, "Scenario format: the exact rules"), played
 * through real HTTP with WhatsApp: {@code raw} as a string or a mapping, {@code content_type}, and
 * the placeholders.
 */
@OctopodsSimulators(clock = "virtual")
class ScenarioRawCallbackAcceptanceTest extends ScenarioOptionsFixture {
  // ---- callbacks: raw, content_type, placeholders
  // ---------------------------------------------------

  @Test
  void aRawStringIsSentByteForByteAndARawMappingCompactlyWithExactIntegers() {
    wa.play(
        """
        id: opt-raw
        provider: whatsapp
        description: raw bodies
        callbacks:
          - at: 1s
            content_type: text/plain; charset=utf-8
            raw: |
              {"object" :  "whatsapp_business_account",
                "odd":"{{provider_message_id}}",   "big": 123456789012345678901234567890 , "é": "\\u00e9" }
          - at: 2s
            raw:
              zeta: 1
              alpha: 12345678901234567890
              nested: {b: "x", a: [1, 2]}
              id: "{{provider_message_id}}"
        """,
        "+15557100016");
    String wamid = wa.sendAccepted("15557100016", null);

    wa.advance("2s");

    List<CallbackReceiver.Received> posts = receiver.posts();
    assertThat(posts).hasSize(2);
    String expectedRaw =
        "{\"object\" :  \"whatsapp_business_account\",\n  \"odd\":\""
            + wamid
            + "\",   \"big\": 123456789012345678901234567890 , \"é\": \"\\u00e9\" }\n";
    assertThat(posts.get(0).body()).isEqualTo(expectedRaw.getBytes(StandardCharsets.UTF_8));
    assertThat(posts.get(0).header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(posts.get(0).header("X-Hub-Signature-256"))
        .isEqualTo(WhatsAppSignature.of(APP_SECRET, posts.get(0).body()));
    assertThat(wa.callbacks(wamid).get(0).get("headers").get("Content-Type").asText())
        .isEqualTo("text/plain; charset=utf-8");

    assertThat(posts.get(1).text())
        .isEqualTo(
            "{\"zeta\":1,\"alpha\":12345678901234567890,\"nested\":{\"b\":\"x\",\"a\":[1,2]},\"id\":\""
                + wamid
                + "\"}");
    assertThat(posts.get(1).header("Content-Type")).isEqualTo("application/json");
    assertThat(posts.get(1).header("X-Hub-Signature-256"))
        .isEqualTo(WhatsAppSignature.of(APP_SECRET, posts.get(1).body()));
  }

  @Test
  void placeholdersAreReplacedWholeWithTheirValueAndInsideTextAsText() {
    wa.play(
        """
        id: opt-placeholders
        provider: whatsapp
        description: every placeholder
        callbacks:
          - at: 3s
            raw:
              pmid: "{{provider_message_id}}"
              to: "{{to}}"
              ts: "{{timestamp}}"
              url: "{{callback_url}}"
              data: "{{callback_data}}"
              text: "id={{provider_message_id}} to={{to}} at={{timestamp}} data={{callback_data}}"
          - at: 4s
            raw: '{"ts":{{timestamp}},"url":"{{callback_url}}","data":"{{callback_data}}"}'
          - at: 5s
            status: read
            fields:
              recipient_id: "{{to}}"
              echoed: "{{callback_data}}"
              "/entry/0/id": "entry-{{timestamp}}"
        """,
        "+15557100017");
    Instant sentAt = wa.now();
    String wamid = wa.sendAccepted("15557100017", "ours-17");
    String url = receiver.url("/webhooks/whatsapp");

    wa.advance("5s");

    List<CallbackReceiver.Received> posts = receiver.posts();
    assertThat(posts).hasSize(3);
    String ts3 = String.valueOf(sentAt.plusSeconds(3).getEpochSecond());
    String ts4 = String.valueOf(sentAt.plusSeconds(4).getEpochSecond());
    String ts5 = String.valueOf(sentAt.plusSeconds(5).getEpochSecond());

    JsonNode whole = Json.parse(posts.get(0).text());
    assertThat(whole.get("pmid").asText()).isEqualTo(wamid);
    assertThat(whole.get("to").asText()).isEqualTo("+15557100017");
    assertThat(whole.get("ts").isTextual()).as("WhatsApp timestamps are string seconds").isTrue();
    assertThat(whole.get("ts").asText()).isEqualTo(ts3);
    assertThat(whole.get("url").asText()).isEqualTo(url);
    assertThat(whole.get("data").asText()).isEqualTo("ours-17");
    assertThat(whole.get("text").asText())
        .isEqualTo("id=" + wamid + " to=+15557100017 at=" + ts3 + " data=ours-17");

    assertThat(posts.get(1).text())
        .isEqualTo("{\"ts\":" + ts4 + ",\"url\":\"" + url + "\",\"data\":\"ours-17\"}");

    JsonNode root = Json.parse(posts.get(2).text());
    JsonNode read = root.at("/entry/0/changes/0/value/statuses/0");
    assertThat(read.get("recipient_id").asText()).isEqualTo("+15557100017");
    assertThat(read.get("echoed").asText()).isEqualTo("ours-17");
    assertThat(read.get("timestamp").asText()).isEqualTo(ts5);
    assertThat(root.at("/entry/0/id").asText()).isEqualTo("entry-" + ts5);
  }
}
