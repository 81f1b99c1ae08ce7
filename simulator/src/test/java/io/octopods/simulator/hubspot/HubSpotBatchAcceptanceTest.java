package io.octopods.simulator.hubspot;

import static io.octopods.simulator.hubspot.HubSpotDriver.BATCH;
import static io.octopods.simulator.hubspot.HubSpotDriver.event;
import static io.octopods.simulator.hubspot.HubSpotDriver.events;
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

/**
 * Batch create: at most 100 inputs, one StandardError per refused input, one call against the rate
 * limit.
 */
@OctopodsSimulators(clock = "virtual")
class HubSpotBatchAcceptanceTest {
  private static final Contracts CONTRACTS = Contracts.shipped();
  private HubSpotDriver hubspot;

  @BeforeEach
  void reset(Simulators sims) {
    hubspot = new HubSpotDriver(sims.baseUrl("hubspot"));
    assertThat(Http.post(hubspot.base() + "/__sim/reset", null, "").status()).isEqualTo(204);
  }

  @Test
  void aHundredInputsAreCreatedInOneCall() {
    var created = hubspot.batch(events("a@example.com", "aaaaaaaa", 100));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("results")).hasSize(100);
    assertThat(created.json().has("errors")).isFalse();
    assertThat(hubspot.timeline("a@example.com"))
        .hasSize(100)
        .first()
        .isEqualTo(uuid("aaaaaaaa", 0) + "-SENT");
  }

  @Test
  void moreThan100InputsIsRefusedAsAWholeAndStoresNothing() {
    var refused = hubspot.batch(events("a@example.com", "bbbbbbbb", 101));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(CONTRACTS.check("providers/hubspot/error.schema.json", refused.body())).isEmpty();
    JsonNode body = refused.json();
    assertThat(body.path("status").asText()).isEqualTo("error");
    assertThat(body.path("category").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(body.path("message").asText()).contains("100").contains("101");
    assertThat(body.at("/errors/0/in").asText()).isEqualTo("inputs");
    assertThat(hubspot.timeline("a@example.com")).isEmpty();
  }

  @Test
  void anEmptyBatchIsRefused() {
    var refused = hubspot.push(BATCH, "{\"inputs\":[]}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("category").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(refused.json().path("message").asText()).contains("inputs");
  }

  @Test
  void eachRefusedInputIsAStandardErrorNamingItsIndexAndId() {
    String known = uuid("cccccccc", 1);
    assertThat(hubspot.create(event("a@example.com", known, "SENT")).status()).isEqualTo(201);
    List<String> inputs =
        List.of(
            event("a@example.com", uuid("cccccccc", 2), "SENT"),
            event("a@example.com", known, "SENT"),
            event("a@example.com", uuid("cccccccc", 3), "DELIVERED"));

    var answer =
        Http.postJson(
            hubspot.base() + BATCH,
            HubSpotDriver.batchOf(inputs)
                .replace(
                    "\"email\":\"a@example.com\",\"id\":\"" + uuid("cccccccc", 3),
                    "\"id\":\"" + uuid("cccccccc", 3)),
            HubSpotDriver.auth());

    assertThat(answer.status()).as(answer.body()).isEqualTo(207);
    assertThat(
            CONTRACTS.check(
                "providers/hubspot/timeline-event-batch-with-errors.schema.json", answer.body()))
        .isEmpty();
    JsonNode body = answer.json();
    assertThat(body.path("results"))
        .extracting(n -> n.path("id").asText())
        .containsExactly(uuid("cccccccc", 2) + "-SENT");
    assertThat(body.path("numErrors").asInt()).isEqualTo(2);
    JsonNode conflict = body.path("errors").get(0);
    assertThat(conflict.fieldNames())
        .toIterable()
        .containsExactly("status", "category", "message", "errors", "context", "links");
    assertThat(conflict.path("status").asText()).isEqualTo("error");
    assertThat(conflict.path("category").asText()).isEqualTo("CONFLICT");
    assertThat(conflict.at("/context/index/0").asText()).isEqualTo("1");
    assertThat(conflict.at("/context/id/0").asText()).isEqualTo(known + "-SENT");
    JsonNode invalid = body.path("errors").get(1);
    assertThat(invalid.path("category").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(invalid.at("/context/index/0").asText()).isEqualTo("2");
    assertThat(invalid.at("/context/id/0").asText()).isEqualTo(uuid("cccccccc", 3) + "-DELIVERED");
    assertThat(invalid.at("/errors/0/in").asText()).isEqualTo("email");
    assertThat(hubspot.timeline("a@example.com"))
        .containsExactly(known + "-SENT", uuid("cccccccc", 2) + "-SENT");
  }

  @Test
  void aBatchCountsOnceAgainstTheRateLimit() {
    hubspot.limits("{\"per_10s\":2}");

    assertThat(hubspot.batch(events("a@example.com", "dddddddd", 50)).status()).isEqualTo(201);
    var second = hubspot.batch(events("b@example.com", "eeeeeeee", 50));
    var third = hubspot.batch(events("c@example.com", "ffffffff", 1));

    assertThat(second.status()).isEqualTo(201);
    assertThat(second.headers().firstValue("X-HubSpot-RateLimit-Remaining")).hasValue("0");
    assertThat(third.status()).isEqualTo(429);
    assertThat(hubspot.timeline("c@example.com")).isEmpty();
  }

  @Test
  void aBatchOfOneRefusedInputIs207WithNoResults() {
    var answer =
        Http.postJson(
            hubspot.base() + BATCH,
            "{\"inputs\":[{\"eventTemplateId\":\"42\",\"tokens\":{},"
                + "\"email\":\"a@example.com\"}]}",
            HubSpotDriver.auth());

    assertThat(answer.status()).as(answer.body()).isEqualTo(207);
    assertThat(answer.json().path("results")).isEmpty();
    JsonNode error = onlyError(answer);
    assertThat(error.path("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
    assertThat(error.path("context").has("id"))
        .as("an input without id has only its index")
        .isFalse();
    assertThat(error.at("/context/index/0").asText()).isEqualTo("0");
  }
}
