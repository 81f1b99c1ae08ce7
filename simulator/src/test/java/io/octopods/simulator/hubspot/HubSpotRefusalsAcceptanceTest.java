package io.octopods.simulator.hubspot;

import static io.octopods.simulator.hubspot.HubSpotDriver.event;
import static io.octopods.simulator.hubspot.HubSpotDriver.onlyError;
import static io.octopods.simulator.hubspot.HubSpotDriver.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.Contracts;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.Http;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /__sim/hubspot/refusals}: a contact's events refused with HubSpot's error body, single and
 * batch alike.
 */
@OctopodsSimulators(clock = "virtual")
class HubSpotRefusalsAcceptanceTest {
  private static final Contracts CONTRACTS = Contracts.shipped();
  private static final String REFUSALS = "/__sim/hubspot/refusals";
  private HubSpotDriver hubspot;

  @BeforeEach
  void reset(Simulators sims) {
    hubspot = new HubSpotDriver(sims.baseUrl("hubspot"));
    assertThat(Http.post(hubspot.base() + "/__sim/reset", null, "").status()).isEqualTo(204);
  }

  @ParameterizedTest
  @CsvSource({"400, VALIDATION_ERROR", "404, OBJECT_NOT_FOUND"})
  void aSingleCreateForARefusedContactAnswersTheStatusInHubSpotsDialect(
      int status, String category) {
    hubspot.refuse("Ana@Example.com", status);

    var refused = hubspot.create(event("ana@example.COM", uuid("aaaaaaaa", 1), "SENT"));

    assertThat(refused.status()).as(refused.body()).isEqualTo(status);
    assertThat(CONTRACTS.check("providers/hubspot/error.schema.json", refused.body())).isEmpty();
    assertThat(refused.contentType()).startsWith("application/json");
    JsonNode body = refused.json();
    assertThat(body.path("status").asText()).isEqualTo("error");
    assertThat(body.path("category").asText()).isEqualTo(category);
    assertThat(body.path("message").asText())
        .contains("POST /__sim/hubspot/refusals")
        .contains("DELETE /__sim/hubspot/refusals")
        .contains("ana@example.COM");
    assertThat(hubspot.timeline("ana@example.com")).isEmpty();
    assertThat(hubspot.create(event("bo@example.com", uuid("aaaaaaaa", 2), "SENT")).status())
        .as("other contacts are not refused")
        .isEqualTo(201);
  }

  @Test
  void inABatchTheRefusedContactsInputIsOneErrorAndTheOthersAreCreated() {
    hubspot.refuse("bo@example.com", 404);
    List<String> inputs =
        List.of(
            event("ana@example.com", uuid("bbbbbbbb", 0), "SENT"),
            event("bo@example.com", uuid("bbbbbbbb", 1), "SENT"),
            event("cy@example.com", uuid("bbbbbbbb", 2), "DELIVERED"));

    var answer = hubspot.batch(inputs);

    assertThat(answer.status()).as(answer.body()).isEqualTo(207);
    assertThat(answer.json().path("numErrors").asInt()).isEqualTo(1);
    JsonNode error = onlyError(answer);
    assertThat(error.path("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
    assertThat(error.at("/context/id/0").asText()).isEqualTo(uuid("bbbbbbbb", 1) + "-SENT");
    assertThat(error.at("/context/index/0").asText()).isEqualTo("1");
    assertThat(error.path("message").asText())
        .startsWith("inputs[1]: ")
        .contains("POST /__sim/hubspot/refusals");
    assertThat(answer.json().path("results"))
        .extracting(n -> n.path("id").asText())
        .containsExactly(uuid("bbbbbbbb", 0) + "-SENT", uuid("bbbbbbbb", 2) + "-DELIVERED");
    assertThat(hubspot.timeline("bo@example.com")).isEmpty();
    assertThat(hubspot.timeline("ana@example.com")).hasSize(1);
    assertThat(hubspot.timeline("cy@example.com")).hasSize(1);
  }

  @Test
  void deleteLiftsEveryRefusalAndGetListsThem() {
    hubspot.refuse("ana@example.com", 400);
    hubspot.refuse("Bo@Example.com", 404);
    hubspot.refuse("ANA@example.com", 404);

    var listed = hubspot.admin("GET", REFUSALS, null);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(CONTRACTS.check("simulator/admin-hubspot-refusals.schema.json", listed.body()))
        .isEmpty();
    assertThat(listed.json().path("refusals"))
        .extracting(n -> n.path("email").asText() + " " + n.path("status"))
        .as("a contact refused again takes the new status")
        .containsExactly("ANA@example.com 404", "Bo@Example.com 404");
    assertThat(hubspot.create(event("ana@example.com", uuid("cccccccc", 0), "SENT")).status())
        .isEqualTo(404);

    assertThat(hubspot.admin("DELETE", REFUSALS, null).status()).isEqualTo(204);

    assertThat(hubspot.admin("GET", REFUSALS, null).json().path("refusals")).isEmpty();
    assertThat(hubspot.create(event("ana@example.com", uuid("cccccccc", 0), "SENT")).status())
        .isEqualTo(201);
    assertThat(
            hubspot.batch(List.of(event("bo@example.com", uuid("cccccccc", 1), "SENT"))).status())
        .isEqualTo(201);
  }

  @Test
  void resetForgetsTheRefusals() {
    hubspot.refuse("ana@example.com", 400);

    assertThat(Http.post(hubspot.base() + "/__sim/reset", null, "").status()).isEqualTo(204);

    assertThat(hubspot.admin("GET", REFUSALS, null).json().path("refusals")).isEmpty();
    assertThat(hubspot.create(event("ana@example.com", uuid("dddddddd", 0), "SENT")).status())
        .isEqualTo(201);
  }

  @Test
  void aRefusedCallCountsAgainstTheRateLimit() {
    hubspot.refuse("ana@example.com", 400);
    hubspot.limits("{\"per_10s\":1}");

    assertThat(hubspot.create(event("ana@example.com", uuid("eeeeeeee", 0), "SENT")).status())
        .isEqualTo(400);
    var next = hubspot.create(event("bo@example.com", uuid("eeeeeeee", 1), "SENT"));

    assertThat(next.status()).as(next.body()).isEqualTo(429);
  }

  @Test
  void theAnswerToARefusalIsTheRefusalAndMistakesAreProblemsNamingTheAllowedValues() {
    var added = hubspot.admin("POST", REFUSALS, "{\"email\":\"ana@example.com\",\"status\":404}");
    assertThat(added.status()).isEqualTo(201);
    assertThat(CONTRACTS.check("simulator/admin-hubspot-refusal-request.schema.json", added.body()))
        .isEmpty();
    assertThat(added.json().path("email").asText()).isEqualTo("ana@example.com");
    assertThat(added.json().path("status").asInt()).isEqualTo(404);

    for (String[] bad :
        List.of(
            new String[] {"{\"email\":\"ana@example.com\",\"status\":409}", "400"},
            new String[] {"{\"email\":\"ana@example.com\"}", "status"},
            new String[] {"{\"status\":400}", "email"},
            new String[] {"{\"email\":\"not-an-address\",\"status\":400}", "email"},
            new String[] {"{\"email\":\"ana@example.com\",\"status\":400,\"why\":\"x\"}", "why"},
            new String[] {"not json", "JSON"})) {
      var answer = hubspot.admin("POST", REFUSALS, bad[0]);
      assertThat(answer.status()).as(bad[0]).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().path("detail").asText()).as(bad[0]).contains(bad[1]);
    }
    assertThat(hubspot.admin("GET", REFUSALS, null).json().path("refusals")).hasSize(1);
  }
}
