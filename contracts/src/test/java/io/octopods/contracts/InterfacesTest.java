package io.octopods.contracts;

import static io.octopods.contracts.ContractExamples.example;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Exchanges with the status service (public API, problems, routing, surfaces) and the catalog. */
class InterfacesTest {
  static final Interfaces INTERFACES = Interfaces.shipped();
  static final String ID = "3f1c2a9e-5b7d-4c1e-9f00-0123456789ab";
  static final String JSON = "application/json";
  static final String PROBLEM = "application/problem+json";
  static final String FORM = "application/x-www-form-urlencoded";
  static final String MESSAGE_SCHEMA = "contracts/service/message.schema.json";
  static final String SERVICE_OPENAPI = "contracts/service/openapi.yaml";

  @Nested
  class PublicApi {
    @Test
    void aValidMessageResourcePasses() {
      Verdict v =
          INTERFACES.onService(
              poll(200, JSON + "; charset=utf-8", example("service/examples/message.json")));
      assertThat(v.breaches()).isEmpty();
      assertThat(v.conforms()).isTrue();
      assertThat(v.info())
          .isEqualTo(new InterfaceInfo("public-api", "service", "inbound", SERVICE_OPENAPI));
    }

    @Test
    void aLowerCaseStatusIsABreachAtItsPointerInTheMessageSchema() {
      Verdict v =
          INTERFACES.onService(
              poll(
                  200,
                  JSON,
                  example("service/examples/message.json")
                      .replace("\"DELIVERED\"", "\"delivered\"")));
      assertThat(v.interfaceName()).isEqualTo("public-api");
      assertThat(v.breaches())
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.contractFile()).isEqualTo(MESSAGE_SCHEMA);
                assertThat(b.pointer()).isEqualTo("/message_status/message_status");
                assertThat(b.message()).startsWith("response 200: ").contains("enumeration");
              });
    }

    @Test
    void aMissingMessageStatusObjectIsABreach() {
      String body =
          "{\"message_id\":\""
              + ID
              + "\",\"channel\":\"sms\",\"to\":\"+15551230002\",\"provider\":\"twilio\","
              + "\"provider_message_id\":null,\"created_at\":\"2026-11-26T10:00:00.000Z\"}";
      Verdict v = INTERFACES.onService(poll(200, JSON, body));
      assertThat(v.breaches())
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.contractFile()).isEqualTo(MESSAGE_SCHEMA);
                assertThat(b.message())
                    .contains("message_status")
                    .as("every placeholder filled")
                    .doesNotContainPattern("\\{\\d\\}");
              });
    }

    @Test
    void aStatusOutsideTheSixIsABreach() {
      Verdict v =
          INTERFACES.onService(
              poll(
                  200,
                  JSON,
                  example("service/examples/message.3.json").replace("\"UNKNOWN\"", "\"QUEUED\"")));
      assertThat(v.breaches())
          .extracting(ContractBreach::pointer)
          .contains("/message_status/message_status");
    }

    @Test
    void aPageItemIsCheckedLikeAMessage() {
      Verdict v =
          INTERFACES.onService(
              get(
                  "/api/v1/sms/messages?status=FAILED&limit=5",
                  200,
                  JSON,
                  "{\"data\":["
                      + example("service/examples/message.invalid.json")
                      + "],\"next_cursor\":null}"));
      assertThat(v.breaches())
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.contractFile())
                    .isEqualTo("contracts/service/message-page.schema.json");
                assertThat(b.pointer()).isEqualTo("/data/0/message_status/message_status");
              });
    }

    @Test
    void historyAndHealthAreChecked() {
      assertThat(
              INTERFACES
                  .onService(
                      get(
                          "/api/v1/whatsapp/messages/" + ID + "/history",
                          200,
                          JSON,
                          example("service/examples/history.json")))
                  .breaches())
          .isEmpty();
      assertThat(
              INTERFACES
                  .onService(
                      get(
                          "/api/v1/whatsapp/messages/" + ID + "/history",
                          200,
                          JSON,
                          example("service/examples/history.invalid.json")))
                  .breaches())
          .extracting(ContractBreach::contractFile)
          .containsOnly("contracts/service/history.schema.json");
      Verdict health =
          INTERFACES.onService(get("/health", 200, JSON, example("service/examples/health.json")));
      assertThat(health.interfaceName()).isEqualTo("health");
      assertThat(health.breaches()).isEmpty();
      assertThat(INTERFACES.onService(get("/health", 200, JSON, "{\"status\":\"up\"}")).breaches())
          .isNotEmpty();
    }

    @Test
    void aSendIsCheckedBothWays() {
      Verdict ok =
          INTERFACES.onService(
              new Exchange(
                  "POST",
                  "/api/v1/whatsapp/messages",
                  JSON,
                  example("service/examples/send-request.2.json"),
                  202,
                  JSON,
                  example("service/examples/message.3.json").replace("viber", "whatsapp")));
      assertThat(ok.breaches()).isEmpty();
    }

    @Test
    void anAcceptedRequestThatBreaksTheContractIsABreachARefusedOneIsNot() {
      String unknownField = "{\"to\":\"+15551230001\",\"body\":\"Hi\",\"priority\":\"high\"}";
      Verdict accepted =
          INTERFACES.onService(
              new Exchange(
                  "POST",
                  "/api/v1/sms/messages",
                  JSON,
                  unknownField,
                  202,
                  JSON,
                  example("service/examples/message.2.json")));
      assertThat(accepted.breaches())
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.contractFile())
                    .isEqualTo("contracts/service/send-request.schema.json");
                assertThat(b.message()).startsWith("request: ");
              });
      Verdict refused =
          INTERFACES.onService(
              new Exchange(
                  "POST",
                  "/api/v1/sms/messages",
                  JSON,
                  unknownField,
                  400,
                  PROBLEM,
                  example("service/examples/bad-request-problem.json")));
      assertThat(refused.breaches()).isEmpty();
    }

    @Test
    void anUndeclaredRequestContentTypeThatIsAcceptedIsABreach() {
      Verdict v =
          INTERFACES.onService(
              new Exchange(
                  "POST",
                  "/api/v1/sms/messages",
                  "text/plain",
                  "to=+1",
                  202,
                  JSON,
                  example("service/examples/message.2.json")));
      assertThat(v.breaches())
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.contractFile()).isEqualTo(SERVICE_OPENAPI);
                assertThat(b.message()).contains("'text/plain'", "application/json");
              });
    }

    @Test
    void anUnknownAnswerIsNotCheckedAFullUrlIsRead() {
      assertThat(
              INTERFACES
                  .onService(
                      new Exchange(
                          "GET",
                          "http://127.0.0.1:8080/api/v1/sms/messages/" + ID + "?x=1",
                          null,
                          null,
                          0,
                          null,
                          null))
                  .breaches())
          .isEmpty();
    }
  }

  @Nested
  class Problems {
    @Test
    void aProblemAnswerIsCheckedAgainstTheProblemSchema() {
      assertThat(
              INTERFACES
                  .onService(poll(404, PROBLEM, example("service/examples/problem.json")))
                  .breaches())
          .isEmpty();
      Verdict v =
          INTERFACES.onService(
              poll(
                  404,
                  PROBLEM,
                  "{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404}"));
      assertThat(v.breaches())
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.contractFile()).isEqualTo("contracts/service/problem.schema.json");
                assertThat(b.pointer()).isEmpty();
                assertThat(b.message()).startsWith("response 404: ").contains("detail");
              });
    }

    @Test
    void aPublicApi400NeedsItsErrorsList() {
      Verdict v =
          INTERFACES.onService(
              new Exchange(
                  "POST",
                  "/api/v1/sms/messages",
                  JSON,
                  "{}",
                  400,
                  PROBLEM,
                  example("service/examples/bad-request-problem.invalid.json")));
      assertThat(v.breaches())
          .singleElement()
          .satisfies(
              b ->
                  assertThat(b.contractFile())
                      .isEqualTo("contracts/service/bad-request-problem.schema.json"));
    }

    @Test
    void anErrorAnswerInAnotherContentTypeIsABreach() {
      Verdict v = INTERFACES.onService(poll(404, "text/html", "<h1>Not found</h1>"));
      assertThat(v.breaches())
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.contractFile()).isEqualTo(SERVICE_OPENAPI);
                assertThat(b.message()).contains("'text/html'", PROBLEM);
              });
    }

    @Test
    void anUndeclaredStatusIsABreach() {
      Verdict v =
          INTERFACES.onService(
              poll(
                  500,
                  PROBLEM,
                  "{\"type\":\"x\",\"title\":\"Internal error\","
                      + "\"status\":500,\"detail\":\"boom\"}"));
      assertThat(v.breaches())
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.contractFile()).isEqualTo(SERVICE_OPENAPI);
                assertThat(b.message())
                    .contains(
                        "status 500 is not declared for GET /api/v1/{channel}/messages/{message_id}");
              });
    }
  }

  @Nested
  class Routing {
    @Test
    void anUnknownPathIsTheUnknownInterface() {
      Verdict v =
          INTERFACES.onService(get("/x", 404, PROBLEM, example("service/examples/problem.json")));
      assertThat(v.interfaceName()).isEqualTo(Interfaces.UNKNOWN);
      assertThat(v.provider()).isEqualTo("service");
      assertThat(v.breaches())
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.contractFile()).isEqualTo(SERVICE_OPENAPI);
                assertThat(b.message()).isEqualTo("no operation in openapi.yaml for GET /x");
              });
    }

    @Test
    void aKnownPathWithAnotherMethodNamesTheMethodsItHas() {
      Verdict v =
          INTERFACES.onService(
              new Exchange(
                  "DELETE",
                  "/api/v1/sms/messages/" + ID,
                  null,
                  null,
                  404,
                  PROBLEM,
                  example("service/examples/problem.json")));
      assertThat(v.interfaceName()).isEqualTo("public-api");
      assertThat(v.breaches())
          .singleElement()
          .satisfies(
              b ->
                  assertThat(b.message())
                      .contains("DELETE /api/v1/sms/messages/" + ID, "(the path has GET)"));
    }

    @Test
    void surfacesAreTheirOwnInterfaces() {
      Verdict canvas =
          INTERFACES.onService(
              new Exchange(
                  "POST",
                  "/surfaces/reach/canvas/submit",
                  JSON,
                  example("service/examples/canvas-request.2.json"),
                  200,
                  JSON,
                  example("surfaces/examples/canvas.json")));
      assertThat(canvas.info())
          .isEqualTo(new InterfaceInfo("reach-canvas", "reach", "inbound", SERVICE_OPENAPI));
      assertThat(canvas.breaches()).isEmpty();
      Verdict badCanvas =
          INTERFACES.onService(
              new Exchange(
                  "POST",
                  "/surfaces/intercom/canvas/initialize",
                  JSON,
                  "{}",
                  200,
                  JSON,
                  example("surfaces/examples/canvas.invalid.json")));
      assertThat(badCanvas.interfaceName()).isEqualTo("intercom-canvas");
      assertThat(badCanvas.breaches())
          .extracting(ContractBreach::contractFile)
          .containsOnly("contracts/surfaces/canvas.schema.json");
      Verdict inbox =
          INTERFACES.onService(
              get(
                  "/surfaces/intercom/messages/" + ID,
                  200,
                  JSON,
                  example("surfaces/examples/intercom-delivery-status.json")
                      .replace("Delivered", "DELIVERED")));
      assertThat(inbox.info().name()).isEqualTo("intercom-json");
      assertThat(inbox.breaches())
          .extracting(ContractBreach::pointer)
          .containsExactly("/delivery_status/label");
      Verdict reach =
          INTERFACES.onService(
              get(
                  "/surfaces/reach/messages/" + ID + "/timeline",
                  200,
                  JSON,
                  example("surfaces/examples/reach-timeline.json")));
      assertThat(reach.info())
          .isEqualTo(new InterfaceInfo("reach-json", "reach", "inbound", SERVICE_OPENAPI));
      assertThat(reach.breaches()).isEmpty();
    }
  }

  @Test
  void theCatalogListsEveryInterface() {
    assertThat(INTERFACES.catalog())
        .extracting(InterfaceInfo::name)
        .containsExactly(
            "public-api",
            "health",
            "webhook-twilio",
            "webhook-whatsapp",
            "webhook-viber",
            "intercom-canvas",
            "reach-canvas",
            "intercom-json",
            "reach-json",
            "twilio-send",
            "twilio-list",
            "twilio-fetch",
            "whatsapp-send",
            "viber-send",
            "hubspot-timeline-push");
    assertThat(INTERFACES.catalog())
        .contains(
            new InterfaceInfo("webhook-viber", "viber", "callback", SERVICE_OPENAPI),
            new InterfaceInfo("intercom-json", "intercom", "inbound", SERVICE_OPENAPI),
            new InterfaceInfo(
                "whatsapp-send",
                "whatsapp",
                "outbound",
                "contracts/providers/whatsapp/openapi.yaml"),
            new InterfaceInfo(
                "hubspot-timeline-push",
                "hubspot",
                "push",
                "contracts/providers/hubspot/openapi.yaml"));
  }

  static Exchange poll(int status, String contentType, String body) {
    return get("/api/v1/whatsapp/messages/" + ID, status, contentType, body);
  }

  static Exchange get(String path, int status, String contentType, String body) {
    return new Exchange("GET", path, null, null, status, contentType, body);
  }
}
