package io.octopods.contracts;

import static io.octopods.contracts.ContractExamples.example;
import static io.octopods.contracts.InterfacesTest.INTERFACES;
import static io.octopods.contracts.InterfacesTest.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service's batched HubSpot pushes ({@code POST .../events/batch/create}) are on contract under
 * both paths, as the harness's journal check sees them: the request of 1 to 100 of the service's
 * events, the 201 and 207 answers, and HubSpot's error bodies.
 */
class HubSpotBatchExchangesTest {
  private static final InterfaceInfo PUSH =
      new InterfaceInfo(
          "hubspot-timeline-push", "hubspot", "push", "contracts/providers/hubspot/openapi.yaml");
  private static final String BATCH =
      example("providers/hubspot/examples/timeline-event-batch-request.json");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/crm/v3/timeline/events/batch/create",
        "/integrators/timeline/v3/events/batch/create"
      })
  void aBatchAnswered201Or207IsTheTimelinePushOnContract(String path) {
    Verdict created =
        INTERFACES.onProvider(
            "hubspot",
            new Exchange(
                "POST",
                path,
                JSON,
                BATCH,
                201,
                JSON,
                example("providers/hubspot/examples/timeline-event-batch.json")));
    Verdict partly =
        INTERFACES.onProvider(
            "hubspot",
            new Exchange(
                "POST",
                path,
                JSON,
                BATCH,
                207,
                JSON,
                example("providers/hubspot/examples/timeline-event-batch-with-errors.json")));

    assertThat(created.info()).isEqualTo(PUSH);
    assertThat(created.breaches()).isEmpty();
    assertThat(partly.info()).isEqualTo(PUSH);
    assertThat(partly.breaches()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 409, 413, 403, 408, 502})
  void aWholeCallRefusedAnswersHubSpotsErrorBody(int status) {
    Verdict v =
        INTERFACES.onProvider(
            "hubspot",
            new Exchange(
                "POST",
                "/crm/v3/timeline/events/batch/create",
                JSON,
                BATCH,
                status,
                JSON,
                example("providers/hubspot/examples/error.2.json")));
    assertThat(v.breaches()).isEmpty();
    Verdict limited =
        INTERFACES.onProvider(
            "hubspot",
            new Exchange(
                "POST",
                "/crm/v3/timeline/events/batch/create",
                JSON,
                BATCH,
                429,
                JSON,
                example("providers/hubspot/examples/rate-limit-error.json")));
    assertThat(limited.breaches()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/crm/v3/timeline/events/batch/create",
        "/integrators/timeline/v3/events/batch/create"
      })
  void anInputOutsideTheServicesEventIsABreachAtItsPointer(String path) {
    String broken = BATCH.replace("\"status\": \"DELIVERED\"", "\"status\": \"QUEUED\"");
    Verdict v =
        INTERFACES.onProvider(
            "hubspot",
            new Exchange(
                "POST",
                path,
                JSON,
                broken,
                201,
                JSON,
                example("providers/hubspot/examples/timeline-event-batch.json")));
    assertThat(v.breaches())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.contractFile())
                  .isEqualTo(
                      "contracts/providers/hubspot/timeline-event-batch-request.schema.json");
              assertThat(b.pointer()).isEqualTo("/inputs/0/tokens/status");
              assertThat(b.message()).startsWith("request: ");
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 101})
  void aBatchOutsideOneTo100InputsIsABreach(int inputs) {
    String event = example("service/examples/hubspot-event.json").strip();
    String body =
        "{\"inputs\": ["
            + IntStream.range(0, inputs).mapToObj(i -> event).collect(Collectors.joining(","))
            + "]}";
    Verdict v =
        INTERFACES.onProvider(
            "hubspot",
            new Exchange(
                "POST", "/crm/v3/timeline/events/batch/create", JSON, body, 0, null, null));
    assertThat(v.breaches())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.contractFile())
                  .isEqualTo(
                      "contracts/providers/hubspot/timeline-event-batch-request.schema.json");
              assertThat(b.pointer()).isEqualTo("/inputs");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/crm/v3/timeline/events/batch/create",
        "/integrators/timeline/v3/events/batch/create"
      })
  void a207WithoutItsErrorsOrWithAnErrorMissingItsCategoryIsABreach(String path) {
    Verdict noErrors =
        INTERFACES.onProvider(
            "hubspot",
            new Exchange(
                "POST",
                path,
                JSON,
                BATCH,
                207,
                JSON,
                example("providers/hubspot/examples/timeline-event-batch.json")));
    Verdict noCategory =
        INTERFACES.onProvider(
            "hubspot",
            new Exchange(
                "POST",
                path,
                JSON,
                BATCH,
                207,
                JSON,
                example(
                    "providers/hubspot/examples/timeline-event-batch-with-errors.invalid.json")));

    assertThat(noErrors.breaches())
        .isNotEmpty()
        .allSatisfy(
            b -> {
              assertThat(b.contractFile())
                  .isEqualTo(
                      "contracts/providers/hubspot/timeline-event-batch-with-errors.schema.json");
              assertThat(b.message()).startsWith("response 207: ");
            });
    assertThat(noCategory.breaches())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.contractFile())
                  .isEqualTo(
                      "contracts/providers/hubspot/timeline-event-batch-with-errors.schema.json");
              assertThat(b.pointer()).isEqualTo("/errors/0");
              assertThat(b.message()).contains("category");
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 204})
  void anUndeclaredStatusIsABreach(int status) {
    Verdict v =
        INTERFACES.onProvider(
            "hubspot",
            new Exchange(
                "POST",
                "/crm/v3/timeline/events/batch/create",
                JSON,
                BATCH,
                status,
                JSON,
                example("providers/hubspot/examples/timeline-event-batch.json")));
    assertThat(v.interfaceName()).isEqualTo("hubspot-timeline-push");
    assertThat(v.breaches())
        .extracting(ContractBreach::message)
        .anySatisfy(m -> assertThat(m).contains("status " + status + " is not declared"));
  }
}
