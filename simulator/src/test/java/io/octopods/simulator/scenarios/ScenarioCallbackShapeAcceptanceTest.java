package io.octopods.simulator.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The options that shape a callback step's notification (simulator.md, "Scenario format: the exact
 * rules"), played through real HTTP with WhatsApp: {@code error}, {@code signature}, {@code batch}
 * and {@code fields}.
 */
@OctopodsSimulators(clock = "virtual")
class ScenarioCallbackShapeAcceptanceTest extends ScenarioOptionsFixture {
  // ---- callbacks: error, signature
  // ------------------------------------------------------------------

  @Test
  void anErrorCodeBecomesErrorsWithTheRealTitleAndNoErrorMeansNoErrorsField() {
    wa.play(
        """
        id: opt-errors
        provider: whatsapp
        description: a known code, an unknown one, none
        callbacks:
          - at: 1s
            status: failed
            error: 131026
          - at: 2s
            status: failed
            error: 999999
          - at: 3s
            status: failed
        """,
        "+15557100012");
    wa.sendAccepted("15557100012", null);

    wa.advance("3s");

    List<JsonNode> posted = receiver.posts().stream().map(p -> statuses(p).get(0)).toList();
    assertThat(posted).hasSize(3);
    JsonNode known = posted.get(0).get("errors");
    assertThat(known).hasSize(1);
    assertThat(known.get(0).get("code").asInt()).isEqualTo(131026);
    assertThat(known.get(0).get("title").asText()).isEqualTo("Message Undeliverable");
    assertThat(known.get(0).get("message").asText()).isNotBlank();
    assertThat(known.get(0).at("/error_data/details").asText()).isNotBlank();
    assertThat(known.get(0).get("href").asText()).startsWith("https://developers.facebook.com/");
    JsonNode unknown = posted.get(1).get("errors").get(0);
    assertThat(unknown.get("code").asInt()).isEqualTo(999999);
    assertThat(unknown.get("title").asText()).isEqualTo("Unknown error");
    assertThat(posted.get(2).has("errors")).isFalse();
  }

  @Test
  void signatureIsValidInvalidWithTheWrongSecretOrMissing() {
    wa.play(
        """
        id: opt-signatures
        provider: whatsapp
        description: one of each
        callbacks:
          - at: 1s
            status: sent
          - at: 2s
            status: delivered
            signature: invalid
          - at: 3s
            status: read
            signature: missing
          - at: 4s
            status: read
            signature: valid
        """,
        "+15557100013");
    String wamid = wa.sendAccepted("15557100013", null);

    wa.advance("4s");

    List<CallbackReceiver.Received> posts = receiver.posts();
    assertThat(posts).hasSize(4);
    assertThat(posts.get(0).header("X-Hub-Signature-256"))
        .isEqualTo(WhatsAppSignature.of(APP_SECRET, posts.get(0).body()));
    assertThat(posts.get(1).header("X-Hub-Signature-256"))
        .matches("sha256=[0-9a-f]{64}")
        .isEqualTo(WhatsAppSignature.of(WRONG_SECRET, posts.get(1).body()))
        .isNotEqualTo(WhatsAppSignature.of(APP_SECRET, posts.get(1).body()));
    assertThat(posts.get(2).header("X-Hub-Signature-256")).isNull();
    assertThat(posts.get(3).header("X-Hub-Signature-256"))
        .isEqualTo(WhatsAppSignature.of(APP_SECRET, posts.get(3).body()));
    assertThat(wa.callbacks(wamid))
        .extracting(j -> j.get("signature").asText())
        .containsExactly("valid", "invalid", "missing", "valid");
    // a badly signed step still moves the provider-side status
    assertThat(wa.status(wamid)).isEqualTo("read");
  }

  // ---- callbacks: batch, fields
  // ---------------------------------------------------------------------

  @Test
  void batchedStepsJoinOnePostInStatusesChangesAndEntries() {
    wa.play(
        """
        id: opt-batch
        provider: whatsapp
        description: five statuses, one POST
        callbacks:
          - at: 1s
            status: sent
          - at: 1s
            status: delivered
            batch: true
          - at: 1s
            status: read
            batch: status
          - at: 1s
            status: played
            batch: change
          - at: 1s
            status: deleted
            batch: entry
          - at: 2s
            status: read
        """,
        "+15557100014");
    String wamid = wa.sendAccepted("15557100014", null);

    wa.advance("1s");

    assertThat(receiver.posts()).hasSize(1);
    JsonNode root = Json.parse(receiver.posts().get(0).text());
    assertThat(root.get("entry")).hasSize(2);
    assertThat(root.at("/entry/0/changes")).hasSize(2);
    assertThat(root.at("/entry/1/changes")).hasSize(1);
    assertThat(words(root.at("/entry/0/changes/0/value/statuses")))
        .containsExactly("sent", "delivered", "read");
    assertThat(words(root.at("/entry/0/changes/1/value/statuses"))).containsExactly("played");
    assertThat(words(root.at("/entry/1/changes/0/value/statuses"))).containsExactly("deleted");
    assertThat(root.at("/entry/1/changes/0/field").asText()).isEqualTo("messages");
    assertThat(root.at("/entry/0/changes/1/value/metadata/phone_number_id").asText()).isNotBlank();
    assertThat(root.findValues("id").stream().filter(n -> n.asText().startsWith("wamid.")))
        .allSatisfy(id -> assertThat(id.asText()).isEqualTo(wamid));
    assertThat(wa.callbacks(wamid)).hasSize(1);
    assertThat(wa.status(wamid)).isEqualTo("deleted");

    wa.advance("1s");
    assertThat(receiver.posts()).hasSize(2);
    assertThat(
            words(
                Json.parse(receiver.posts().get(1).text()).at("/entry/0/changes/0/value/statuses")))
        .containsExactly("read");
  }

  @Test
  void fieldsMergeIntoTheStatusByKeyAndIntoThePayloadByPointerAndNullDeletes() {
    wa.play(
        """
        id: opt-fields
        provider: whatsapp
        description: fields of every kind
        callbacks:
          - at: 1s
            status: sent
            fields:
              recipient_id: "override"
              conversation: null
              pricing: null
              extra: {nested: [1, 2]}
              "/entry/0/id": "999999"
              "/entry/0/changes/0/value/metadata/display_phone_number": null
              "/entry/0/changes/0/value/added": {"by": "pointer"}
          - at: 2s
            status: delivered
            fields:
              id: wamid.FOREIGN0001
              biz_opaque_callback_data: null
        """,
        "+15557100015");
    String wamid = wa.sendAccepted("15557100015", "ours-15");

    wa.advance("2s");

    JsonNode first = Json.parse(receiver.posts().get(0).text());
    JsonNode sent = first.at("/entry/0/changes/0/value/statuses/0");
    assertThat(sent.get("id").asText()).isEqualTo(wamid);
    assertThat(sent.get("recipient_id").asText()).isEqualTo("override");
    assertThat(sent.has("conversation")).isFalse();
    assertThat(sent.has("pricing")).isFalse();
    assertThat(sent.get("extra")).isEqualTo(Json.parse("{\"nested\":[1,2]}"));
    assertThat(sent.get("biz_opaque_callback_data").asText()).isEqualTo("ours-15");
    assertThat(first.at("/entry/0/id").asText()).isEqualTo("999999");
    assertThat(first.at("/entry/0/changes/0/value/metadata").has("display_phone_number")).isFalse();
    assertThat(first.at("/entry/0/changes/0/value/metadata/phone_number_id").asText()).isNotBlank();
    assertThat(first.at("/entry/0/changes/0/value/added/by").asText()).isEqualTo("pointer");
    assertThat(receiver.posts().get(0).header("X-Hub-Signature-256"))
        .isEqualTo(WhatsAppSignature.of(APP_SECRET, receiver.posts().get(0).body()));

    JsonNode foreign = statuses(receiver.posts().get(1)).get(0);
    assertThat(foreign.get("id").asText()).isEqualTo("wamid.FOREIGN0001");
    assertThat(foreign.has("biz_opaque_callback_data")).isFalse();
    assertThat(foreign.get("status").asText()).isEqualTo("delivered");
  }

  @Test
  void aFieldsPointerToAMissingArrayItemDoesNotBreakTheClock() {
    wa.play(
        """
        id: opt-fields-bad-pointer
        provider: whatsapp
        description: a pointer past the end of entry[]
        callbacks:
          - at: 1s
            status: sent
            fields:
              "/entry/3/id": "x"
          - at: 2s
            status: delivered
        """,
        "+15557100031");
    String wamid = wa.sendAccepted("15557100031", null);
    Instant target = wa.now().plusSeconds(3);

    Http.Answer a = Http.postJson(wa.base() + "/__sim/clock/advance", "{\"by\":\"3s\"}");

    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(wa.now()).isEqualTo(target);
    assertThat(list(a.json().get("fired")))
        .extracting(f -> f.get("status").asText())
        .contains("delivered");
    assertThat(wa.callbacks(wamid)).extracting(j -> j.get("step").asInt()).contains(0, 1);
  }
}
