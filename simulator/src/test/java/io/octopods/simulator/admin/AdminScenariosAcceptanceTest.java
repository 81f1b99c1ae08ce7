package io.octopods.simulator.admin;

import static io.octopods.simulator.scenarios.WhatsAppDriver.CONTRACTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.Http;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /__sim/scenarios}, {@code GET /__sim/scenarios/{id}} and {@code POST /__sim/scenarios}
 * (simulator.md, "Admin API"), through real HTTP on the WhatsApp port, with the shape of its answer
 * checked field by field and against {@code contracts/simulator/}.
 */
@OctopodsSimulators(clock = "virtual")
class AdminScenariosAcceptanceTest extends AdminApiFixture {
  // ---- GET /__sim/scenarios, GET /__sim/scenarios/{id}
  // ---------------------------------------------

  @Test
  void scenariosListsTheLibraryOfThisPortsProviderOnly() {
    Http.Answer a = Http.get(base + "/__sim/scenarios");

    assertThat(a.status()).isEqualTo(200);
    assertThat(CONTRACTS.check("simulator/admin-scenarios.schema.json", a.body())).isEmpty();
    List<JsonNode> scenarios = list(a.json().get("scenarios"));
    assertThat(scenarios).isNotEmpty();
    assertThat(scenarios)
        .allSatisfy(
            s -> {
              assertThat(s.get("provider").asText()).isEqualTo("whatsapp");
              assertThat(s.get("source").asText()).isEqualTo("library");
              assertThat(s.get("id").asText()).startsWith("whatsapp-");
              assertThat(s.get("description").asText()).isNotBlank();
            });
    assertThat(scenarios)
        .extracting(s -> s.get("id").asText())
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
    assertThat(list(doc.get("callbacks")))
        .extracting(s -> s.get("at").asText() + " " + s.get("status").asText())
        .containsExactly("500ms sent", "2s delivered", "5s read");
  }

  @Test
  void anUnknownScenarioOrOneOfAnotherProviderIs404Problem() {
    assertProblem(Http.get(base + "/__sim/scenarios/no-such-scenario"), 404);
    assertProblem(Http.get(base + "/__sim/scenarios/twilio-happy-path"), 404);
  }

  // ---- POST /__sim/scenarios
  // ------------------------------------------------------------------------

  @Test
  void anUploadInEveryAcceptedMediaTypeIsCreatedThenReplaced() {
    String yaml =
        """
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
    assertThat(CONTRACTS.check("simulator/admin-scenario-uploaded.schema.json", created.body()))
        .isEmpty();
    assertThat(created.json().get("id").asText()).isEqualTo("admin-upload-yaml");
    assertThat(created.json().get("provider").asText()).isEqualTo("whatsapp");

    Http.Answer replaced =
        Http.post(
            base + "/__sim/scenarios",
            "application/x-yaml",
            yaml.replace("first version", "second version"));
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertThat(replaced.json().get("id").asText()).isEqualTo("admin-upload-yaml");
    assertThat(replaced.json().get("provider").asText()).isEqualTo("whatsapp");
    assertThat(
            Http.get(base + "/__sim/scenarios/admin-upload-yaml")
                .json()
                .get("description")
                .asText())
        .isEqualTo("second version");

    String json =
        "{\"id\":\"admin-upload-json\",\"provider\":\"whatsapp\",\"description\":\"as JSON\","
            + "\"send\":{\"respond\":\"reject\",\"error\":131026},\"callbacks\":[]}";
    Http.Answer fromJson = Http.post(base + "/__sim/scenarios", "application/json", json);
    assertThat(fromJson.status()).as(fromJson.body()).isEqualTo(201);
    assertThat(
            Http.post(base + "/__sim/scenarios", "application/json; charset=utf-8", json).status())
        .isEqualTo(200);
    assertThat(Http.get(base + "/__sim/scenarios/admin-upload-json").json())
        .isEqualTo(Json.parse(json));

    List<JsonNode> listed = list(Http.get(base + "/__sim/scenarios").json().get("scenarios"));
    assertThat(listed)
        .filteredOn(s -> s.get("id").asText().startsWith("admin-upload-"))
        .extracting(
            s ->
                s.get("id").asText()
                    + " "
                    + s.get("source").asText()
                    + " "
                    + s.get("description").asText())
        .containsExactlyInAnyOrder(
            "admin-upload-yaml upload second version", "admin-upload-json upload as JSON");
  }

  @Test
  void anInvalidScenarioIsRefusedWithEverySchemaErrorListed() {
    String yaml =
        """
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
    List<String> pointers =
        list(a.json().get("errors")).stream().map(e -> e.get("pointer").asText()).toList();
    assertThat(list(a.json().get("errors")))
        .allSatisfy(e -> assertThat(e.get("detail").asText()).isNotBlank());
    // id pattern, missing description, unknown respond, step without at, unknown key: five errors
    // at once
    assertThat(pointers).anyMatch(p -> p.equals("/id"));
    assertThat(pointers).anyMatch(p -> p.startsWith("/send"));
    assertThat(pointers).anyMatch(p -> p.startsWith("/callbacks/0"));
    assertThat(pointers).anyMatch(p -> p.startsWith("/callbacks/1"));
    assertThat(a.json().get("errors").toString()).contains("description").contains("colour");
    assertThat(Http.get(base + "/__sim/scenarios/bad-id").status()).isEqualTo(404);
  }

  @Test
  void theCrossFieldRulesAreCheckedTooAndAllListedAtOnce() {
    String yaml =
        """
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
    assertThat(list(a.json().get("errors")))
        .extracting(e -> e.get("pointer").asText())
        .contains("/match/to", "/send/delay", "/callbacks/0/batch", "/callbacks/2/at");
  }

  @Test
  void schemaErrorsAndRuleErrorsAreListedTogether() {
    String yaml =
        """
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
    assertThat(list(a.json().get("errors")))
        .extracting(e -> e.get("pointer").asText())
        .contains("/match/to");
  }

  @Test
  void aDocumentThatIsNotYamlIsRefusedWithAPointer() {
    Http.Answer a =
        Http.post(base + "/__sim/scenarios", "application/yaml", "id: [unclosed\n  : :");

    assertProblem(a, 400);
    assertThat(list(a.json().get("errors")))
        .hasSize(1)
        .allSatisfy(e -> assertThat(e.get("pointer").asText()).isEmpty());
  }

  @Test
  void anUploadInAnotherMediaTypeIs415() {
    String yaml = "id: admin-plain\nprovider: whatsapp\ndescription: sent as text\n";

    assertProblem(Http.post(base + "/__sim/scenarios", "text/plain", yaml), 415);
    assertProblem(
        Http.post(base + "/__sim/scenarios", "application/x-www-form-urlencoded", yaml), 415);
    assertThat(Http.get(base + "/__sim/scenarios/admin-plain").status()).isEqualTo(404);
  }

  @Test
  void aScenarioOfAnotherProviderIsRefused() {
    Http.Answer a =
        Http.post(
            base + "/__sim/scenarios",
            "application/yaml",
            "id: admin-for-viber\nprovider: viber\ndescription: not for this port\n");

    assertProblem(a, 400);
    assertThat(a.json().get("detail").asText()).contains("viber");
    assertThat(Http.get(base + "/__sim/scenarios/admin-for-viber").status()).isEqualTo(404);
  }
}
