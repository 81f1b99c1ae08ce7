package io.octopods.contracts;

import static io.octopods.contracts.ContractExamples.example;
import static io.octopods.contracts.InterfacesTest.FORM;
import static io.octopods.contracts.InterfacesTest.ID;
import static io.octopods.contracts.InterfacesTest.INTERFACES;
import static io.octopods.contracts.InterfacesTest.JSON;
import static io.octopods.contracts.InterfacesTest.PROBLEM;
import static io.octopods.contracts.InterfacesTest.SERVICE_OPENAPI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Provider callbacks to the service's webhooks, and the service's calls to providers (sends,
 * look-ups, pushes).
 */
class ProviderExchangesTest {

  @Nested
  class Callbacks {
    static final String SID = "SM0123456789abcdef0123456789abcdef";
    static final String TWILIO =
        "MessageSid="
            + SID
            + "&SmsSid="
            + SID
            + "&AccountSid=AC0123456789abcdef0123456789abcdef"
            + "&From=%2B14155552345&To=%2B14155550100&MessageStatus=undelivered&SmsStatus=undelivered"
            + "&ErrorCode=30003&RawDlrDoneDate=2311261005&ApiVersion=2010-04-01";

    @Test
    void aTwilioFormCallbackIsChecked() {
      Verdict ok =
          INTERFACES.onService(
              new Exchange(
                  "POST", "/webhooks/twilio?octopods_id=" + ID, FORM, TWILIO, 200, null, ""));
      assertThat(ok.info())
          .isEqualTo(new InterfaceInfo("webhook-twilio", "twilio", "callback", SERVICE_OPENAPI));
      assertThat(ok.breaches()).isEmpty();

      String broken = TWILIO.replace("RawDlrDoneDate=2311261005", "RawDlrDoneDate=23112610");
      Verdict v =
          INTERFACES.onService(
              new Exchange("POST", "/webhooks/twilio", FORM, broken, 200, null, ""));
      assertThat(v.breaches())
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.contractFile())
                    .isEqualTo("contracts/providers/twilio/callback.schema.json");
                assertThat(b.pointer()).isEqualTo("/RawDlrDoneDate");
                assertThat(b.message()).startsWith("request: ");
              });
    }

    @Test
    void aRefusedCallbackIsJudgedByItsAnswerOnly() {
      Verdict badSignature =
          INTERFACES.onService(
              new Exchange(
                  "POST",
                  "/webhooks/viber",
                  JSON,
                  "{\"event\":",
                  401,
                  PROBLEM,
                  example("service/examples/problem.json").replace("404", "401")));
      assertThat(badSignature.info())
          .isEqualTo(new InterfaceInfo("webhook-viber", "viber", "callback", SERVICE_OPENAPI));
      assertThat(badSignature.breaches()).isEmpty();
    }

    @Test
    void whatsappNotificationsAndTheHandshakeAreWebhookWhatsapp() {
      Verdict notification =
          INTERFACES.onService(
              new Exchange(
                  "POST",
                  "/webhooks/whatsapp",
                  JSON,
                  example("providers/whatsapp/examples/webhook.json"),
                  200,
                  null,
                  null));
      assertThat(notification.info())
          .isEqualTo(
              new InterfaceInfo("webhook-whatsapp", "whatsapp", "callback", SERVICE_OPENAPI));
      assertThat(notification.breaches()).isEmpty();
      Verdict handshake =
          INTERFACES.onService(
              new Exchange(
                  "GET",
                  "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=t&hub.challenge=1158201444",
                  null,
                  null,
                  200,
                  "text/plain; charset=utf-8",
                  "1158201444"));
      assertThat(handshake.interfaceName()).isEqualTo("webhook-whatsapp");
      assertThat(handshake.breaches()).isEmpty();
      Verdict broken =
          INTERFACES.onService(
              new Exchange(
                  "POST",
                  "/webhooks/whatsapp",
                  JSON,
                  example("providers/whatsapp/examples/webhook.invalid.json"),
                  200,
                  null,
                  null));
      assertThat(broken.breaches())
          .isNotEmpty()
          .extracting(ContractBreach::contractFile)
          .containsOnly("contracts/providers/whatsapp/webhook.schema.json");
    }
  }

  @Nested
  class Providers {
    @Test
    void aHubSpotPushWithAStatusOutsideTheEnumIsABreach() {
      String push = example("service/examples/hubspot-event.json");
      Verdict ok =
          INTERFACES.onProvider(
              "hubspot",
              new Exchange(
                  "POST",
                  "/crm/v3/timeline/events",
                  JSON,
                  push,
                  201,
                  JSON,
                  example("providers/hubspot/examples/timeline-event.json")));
      assertThat(ok.info())
          .isEqualTo(
              new InterfaceInfo(
                  "hubspot-timeline-push",
                  "hubspot",
                  "push",
                  "contracts/providers/hubspot/openapi.yaml"));
      assertThat(ok.breaches()).isEmpty();

      Verdict v =
          INTERFACES.onProvider(
              "hubspot",
              new Exchange(
                  "POST",
                  "/integrators/timeline/v3/events",
                  JSON,
                  push.replace("\"status\": \"DELIVERED\"", "\"status\": \"QUEUED\""),
                  0,
                  null,
                  null));
      assertThat(v.interfaceName()).isEqualTo("hubspot-timeline-push");
      assertThat(v.breaches())
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.contractFile())
                    .isEqualTo("contracts/service/hubspot-event.schema.json");
                assertThat(b.pointer()).isEqualTo("/tokens/status");
              });
    }

    @Test
    void hubSpotRefusalsAreItsErrorBodies() {
      String push = example("service/examples/hubspot-event.json");
      assertThat(
              INTERFACES
                  .onProvider(
                      "hubspot",
                      new Exchange(
                          "POST",
                          "/crm/v3/timeline/events",
                          JSON,
                          push,
                          429,
                          JSON,
                          example("providers/hubspot/examples/rate-limit-error.json")))
                  .breaches())
          .isEmpty();
      assertThat(
              INTERFACES
                  .onProvider(
                      "hubspot",
                      new Exchange(
                          "POST",
                          "/crm/v3/timeline/events",
                          JSON,
                          push,
                          409,
                          JSON,
                          example("providers/hubspot/examples/error.json")))
                  .breaches())
          .isEmpty();
    }

    @Test
    void aTwilioSendIsAFormAndItsAnswerTheMessageResource() {
      String form =
          "To=%2B15551230002&From=%2B15005550006&Body=Hello&StatusCallback="
              + "https%3A%2F%2Fstatus.example.com%2Fwebhooks%2Ftwilio%3Foctopods_id%3D"
              + ID;
      Verdict v =
          INTERFACES.onProvider(
              "twilio",
              new Exchange(
                  "POST",
                  "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json",
                  FORM,
                  form,
                  201,
                  JSON,
                  example("providers/twilio/examples/message.json")));
      assertThat(v.info())
          .isEqualTo(
              new InterfaceInfo(
                  "twilio-send", "twilio", "outbound", "contracts/providers/twilio/openapi.yaml"));
      assertThat(v.breaches()).isEmpty();
      Verdict refused =
          INTERFACES.onProvider(
              "twilio",
              new Exchange(
                  "POST",
                  "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json",
                  FORM,
                  form,
                  400,
                  JSON,
                  example("providers/twilio/examples/error.invalid.json")));
      assertThat(refused.breaches())
          .extracting(ContractBreach::contractFile)
          .containsOnly("contracts/providers/twilio/error.schema.json");
      Verdict fetch =
          INTERFACES.onProvider(
              "twilio",
              new Exchange(
                  "GET",
                  "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM0123456789abcdef0123456789abcdef.json",
                  null,
                  null,
                  200,
                  JSON,
                  example("providers/twilio/examples/message.json")));
      assertThat(fetch.interfaceName()).isEqualTo("twilio-fetch");
      assertThat(fetch.breaches()).isEmpty();
    }

    @Test
    void aViberAnswerIsTheAlternativeItBreaksLeast() {
      String path = "/pa/send_message";
      String request = example("providers/viber/examples/send-message-request.json");
      Verdict accepted =
          INTERFACES.onProvider(
              "viber",
              new Exchange(
                  "POST",
                  path,
                  JSON,
                  request,
                  200,
                  JSON,
                  example("providers/viber/examples/send-message-answer.json")));
      assertThat(accepted.info().name()).isEqualTo("viber-send");
      assertThat(accepted.breaches()).isEmpty();
      assertThat(
              INTERFACES
                  .onProvider(
                      "viber",
                      new Exchange(
                          "POST",
                          path,
                          JSON,
                          request,
                          200,
                          JSON,
                          example("providers/viber/examples/error.json")))
                  .breaches())
          .isEmpty();
      assertThat(
              INTERFACES
                  .onProvider(
                      "viber",
                      new Exchange(
                          "POST",
                          path,
                          JSON,
                          request,
                          200,
                          JSON,
                          example("providers/viber/examples/send-message-answer.invalid.json")))
                  .breaches())
          .isNotEmpty();
    }

    @Test
    void aWhatsAppSendIsChecked() {
      Verdict v =
          INTERFACES.onProvider(
              "whatsapp",
              new Exchange(
                  "POST",
                  "/v21.0/106540352242922/messages",
                  JSON,
                  example("providers/whatsapp/examples/send-request.json"),
                  200,
                  JSON,
                  example("providers/whatsapp/examples/send-answer.json")));
      assertThat(v.info().name()).isEqualTo("whatsapp-send");
      assertThat(v.breaches()).isEmpty();
    }

    @Test
    void anUnknownProviderPathIsUnknownAnUnknownProviderIsRefused() {
      Verdict v =
          INTERFACES.onProvider(
              "twilio", new Exchange("GET", "/nothing", null, null, 404, null, null));
      assertThat(v.interfaceName()).isEqualTo(Interfaces.UNKNOWN);
      assertThat(v.provider()).isEqualTo("twilio");
      assertThat(v.direction()).isEqualTo("outbound");
      assertThat(v.breaches())
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.contractFile()).isEqualTo("contracts/providers/twilio/openapi.yaml");
                assertThat(b.message()).isEqualTo("no operation in openapi.yaml for GET /nothing");
              });
      assertThatThrownBy(
              () ->
                  INTERFACES.onProvider(
                      "telegram", new Exchange("GET", "/", null, null, 0, null, null)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("telegram");
    }
  }
}
