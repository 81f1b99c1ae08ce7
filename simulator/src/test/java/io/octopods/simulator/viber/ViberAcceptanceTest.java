package io.octopods.simulator.viber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Viber REST Bot API over real HTTP: set_webhook, send_message and its answers, the receipts
 * that follow.
 */
@OctopodsSimulators(clock = "virtual")
class ViberAcceptanceTest {
  private static final BigInteger TWO_TO_THE_53 = BigInteger.TWO.pow(53);

  private final CallbackReceiver receiver = new CallbackReceiver();
  private String base;
  private ViberDriver viber;

  @BeforeEach
  void setWebhookToReceiver(Simulators sims) {
    base = sims.baseUrl("viber");
    viber = new ViberDriver(base, receiver);
    Http.post(base + "/__sim/reset", null, "");
    Http.Answer set = viber.setWebhook(receiver.url("/webhooks/viber"));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().get("status").asInt()).as(set.body()).isZero();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void setWebhookFirstPostsTheSignedWebhookEvent_thenListsTheEventTypes() {
    assertThat(receiver.posts()).hasSize(1);
    CallbackReceiver.Received check = receiver.posts().get(0);
    JsonNode event = ViberDriver.parse(check.text());
    assertThat(event.get("event").asText()).isEqualTo("webhook");
    assertThat(event.get("timestamp").isIntegralNumber()).isTrue();
    assertThat(event.get("message_token").isIntegralNumber()).isTrue();
    assertThat(event.get("chat_hostname").asText()).startsWith("SN-");
    assertThat(
            ViberSignature.valid(
                ViberSimulator.AUTH_TOKEN, check.body(), check.header(ViberSignature.HEADER)))
        .isTrue();
    assertThat(ViberDriver.CONTRACTS.check("providers/viber/callback.schema.json", check.text()))
        .isEmpty();

    Http.Answer again = viber.setWebhook(receiver.url("/webhooks/viber"));
    assertThat(again.json().get("event_types"))
        .extracting(JsonNode::asText)
        .containsExactly("delivered", "seen", "failed");
    assertThat(
            ViberDriver.CONTRACTS.check(
                "providers/viber/set-webhook-answer.schema.json", again.body()))
        .isEmpty();
    assertThat(Http.get(base + "/__sim/info").json().get("webhook_url").asText())
        .isEqualTo(receiver.url("/webhooks/viber"));
  }

  @Test
  void setWebhookToAnEndpointThatDoesNotAnswer200IsInvalidUrl_andTheOldWebhookStays() {
    try (CallbackReceiver broken = new CallbackReceiver().answering(500)) {
      Http.Answer refused = viber.setWebhook(broken.url("/hook"));
      assertThat(refused.status()).isEqualTo(200);
      assertThat(refused.json().get("status").asInt()).isEqualTo(1);
      assertThat(refused.json().get("status_message").asText())
          .startsWith("invalidUrl")
          .contains("answered 500");
      assertThat(broken.posts()).hasSize(1);
      assertThat(ViberDriver.CONTRACTS.check("providers/viber/error.schema.json", refused.body()))
          .isEmpty();
    }
    Http.Answer nobody = viber.setWebhook("http://127.0.0.1:1/hook");
    assertThat(nobody.json().get("status").asInt()).as(nobody.body()).isEqualTo(1);
    assertThat(Http.get(base + "/__sim/info").json().get("webhook_url").asText())
        .isEqualTo(receiver.url("/webhooks/viber"));

    Http.Answer removed = viber.call("/pa/set_webhook", "{\"url\":\"\"}");
    assertThat(removed.json().get("status").asInt()).as(removed.body()).isZero();
    assertThat(Http.get(base + "/__sim/info").json().get("webhook_url").isNull()).isTrue();
  }

  @Test
  void theAdminWebhookCallSendsTheSameCheck_andRefusesAnEndpointThatFailsIt() {
    Http.Answer set =
        Http.postJson(base + "/__sim/webhook", "{\"url\":\"" + receiver.url("/admin-set") + "\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(receiver.posts())
        .extracting(r -> r.uri().replaceFirst("\\?.*", ""))
        .containsExactly("/webhooks/viber", "/admin-set");
    try (CallbackReceiver broken = new CallbackReceiver().answering(404)) {
      Http.Answer refused =
          Http.postJson(base + "/__sim/webhook", "{\"url\":\"" + broken.url("/x") + "\"}");
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().get("detail").asText()).contains("answered 404");
    }
  }

  @Test
  void happyPathPlaysDeliveredThenSeen_signed_withTheAnsweredTokenDigitForDigit() {
    viber.bind("+15551230001", "viber-happy-path");
    long sentAt = viber.nowMillis();
    String token = viber.sendAccepted("+15551230001");
    assertThat(new BigInteger(token)).isGreaterThan(TWO_TO_THE_53);
    assertThat((long) Double.parseDouble(token))
        .as("a client parsing the token as a double corrupts it")
        .isNotEqualTo(Long.parseLong(token));

    viber.advance("PT10S");

    assertThat(viber.receipts()).hasSize(2);
    assertThat(viber.receipts())
        .extracting(r -> ViberDriver.parse(r.text()).get("event").asText())
        .containsExactly("delivered", "seen");
    long[] due = {sentAt + 2000, sentAt + 5000};
    for (int i = 0; i < 2; i++) {
      CallbackReceiver.Received r = viber.receipts().get(i);
      assertThat(r.header(ViberSignature.HEADER))
          .isEqualTo(ViberSignature.of(ViberSimulator.AUTH_TOKEN, r.body()));
      assertThat(r.header("Content-Type")).startsWith("application/json");
      assertThat(r.text()).contains("\"message_token\":" + token + ",");
      JsonNode event = ViberDriver.parse(r.text());
      assertThat(event.get("message_token").isLong()).isTrue();
      assertThat(event.get("message_token").bigIntegerValue()).isEqualTo(new BigInteger(token));
      assertThat(event.get("timestamp").asLong()).isEqualTo(due[i]);
      assertThat(event.get("user_id").asText()).isEqualTo("+15551230001");
      assertThat(ViberDriver.CONTRACTS.check("providers/viber/callback.schema.json", r.text()))
          .isEmpty();
    }
    JsonNode message = Http.get(base + "/__sim/messages/" + token).json();
    assertThat(message.get("provider_message_id").asText()).isEqualTo(token);
    assertThat(message.get("status").asText()).isEqualTo("seen");
  }

  @Test
  void aSubscriberIdReceiverIsKeptAsItIs_andEchoedAsUserId() {
    String token = viber.sendAccepted("01234567890A=");
    viber.advance("PT10S");
    JsonNode listed = Http.get(base + "/__sim/messages?to=01234567890A%3D").json().get("messages");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("provider_message_id").asText()).isEqualTo(token);
    assertThat(viber.receipts())
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(ViberDriver.parse(r.text()).get("user_id").asText())
                    .isEqualTo("01234567890A="));
  }

  @Test
  void aWrongOrMissingAuthTokenIsStatus2_answeredHttp200() {
    String body = "{\"receiver\":\"+15551230002\",\"type\":\"text\",\"text\":\"hi\"}";
    Http.Answer wrong =
        Http.postJson(base + "/pa/send_message", body, "X-Viber-Auth-Token", "not-the-token");
    assertThat(wrong.status()).isEqualTo(200);
    assertThat(wrong.json().get("status").asInt()).isEqualTo(2);
    assertThat(wrong.json().get("status_message").asText()).isEqualTo("invalidAuthToken");
    assertThat(ViberDriver.CONTRACTS.check("providers/viber/error.schema.json", wrong.body()))
        .isEmpty();

    Http.Answer missing = Http.postJson(base + "/pa/send_message", body);
    assertThat(missing.json().get("status").asInt()).isEqualTo(2);
    assertThat(missing.json().get("status_message").asText()).isEqualTo("missing_auth_token");

    Http.Answer inBody =
        Http.postJson(
            base + "/pa/send_message",
            body.replace("{", "{\"auth_token\":\"" + ViberSimulator.AUTH_TOKEN + "\","));
    assertThat(inBody.json().get("status").asInt()).as(inBody.body()).isZero();
    assertThat(Http.get(base + "/__sim/messages").json().get("messages")).hasSize(1);
  }

  @Test
  void malformedRequestsAreBadDataOrMissingData() {
    String longText = "x".repeat(7001);
    assertStatus(
        viber.call(
            "/pa/send_message",
            "{\"receiver\":\"+15551230003\",\"type\":\"text\",\"text\":\"" + longText + "\"}"),
        3,
        "badData");
    assertStatus(
        viber.call(
            "/pa/send_message",
            "{\"receiver\":\"+15551230003\",\"type\":\"text\",\"text\":\""
                + "x".repeat(7000)
                + "\"}"),
        0,
        "ok");
    assertStatus(viber.call("/pa/send_message", "{\"receiver\":"), 3, "badData");
    assertStatus(viber.call("/pa/send_message", "[1,2]"), 3, "badData");
    assertStatus(
        viber.call("/pa/send_message", "{\"type\":\"text\",\"text\":\"hi\"}"), 4, "missingData");
    assertStatus(
        viber.call("/pa/send_message", "{\"receiver\":\"+15551230003\",\"type\":\"text\"}"),
        4,
        "missingData");
    assertStatus(
        viber.call(
            "/pa/send_message",
            "{\"receiver\":\"+15551230003\",\"type\":\"text\",\"text\":\"hi\","
                + "\"sender\":{\"name\":\""
                + "n".repeat(29)
                + "\"}}"),
        3,
        "badData");
    assertThat(Http.get(base + "/__sim/messages").json().get("messages")).hasSize(1);
  }

  @Test
  void aRejectIsStatus6WithNoCallbacks_unlessCallbacksOnReject() {
    viber.upload(
        """
        id: viber-test-reject
        provider: viber
        description: refused, no receipts
        send:
          respond: reject
        callbacks:
          - at: 1s
            status: failed
            error: 6
        """);
    viber.bind("+15551230004", "viber-test-reject");
    Http.Answer refused = viber.send("+15551230004", "ours-4");
    assertStatus(refused, 6, "receiverNotSubscribed");
    assertThat(ViberDriver.CONTRACTS.check("providers/viber/error.schema.json", refused.body()))
        .isEmpty();
    viber.advance("PT1M");
    assertThat(viber.receipts()).isEmpty();
    assertThat(Http.get(base + "/__sim/messages?to=%2B15551230004").json().get("messages"))
        .as("a refused send creates no provider message")
        .isEmpty();

    viber.upload(
        """
        id: viber-test-reject-with-callbacks
        provider: viber
        description: refused with status 11, then a failed receipt anyway
        callbacks_on_reject: true
        send:
          respond: reject
          error: 11
        callbacks:
          - at: 1s
            status: failed
            error: 11
        """);
    viber.bind("+15551230005", "viber-test-reject-with-callbacks");
    assertStatus(viber.send("+15551230005", "ours-5"), 11, "receiverNoSuitableDevice");
    assertThat(
            Http.get(base + "/__sim/messages?to=%2B15551230005")
                .json()
                .at("/messages/0/status")
                .asText())
        .as("receipts follow, so Viber created the message")
        .isEqualTo("failed");
    viber.advance("PT1M");
    assertThat(viber.receipts()).hasSize(1);
    JsonNode failed = ViberDriver.parse(viber.receipts().get(0).text());
    assertThat(failed.get("event").asText()).isEqualTo("failed");
    assertThat(failed.get("desc").asText()).contains("no device").endsWith("(11)");
  }

  @Test
  void throttledThenAcceptedWithTheSameTrackingDataIsOneMessage() {
    viber.bind("+15551230006", "viber-g1-throttled-then-accepted");
    assertStatus(viber.send("+15551230006", "ours-6"), 12, "tooManyRequests");
    assertStatus(viber.send("+15551230006", "ours-6"), 12, "tooManyRequests");
    Http.Answer accepted = viber.send("+15551230006", "ours-6");
    assertStatus(accepted, 0, "ok");

    JsonNode messages = Http.get(base + "/__sim/messages?to=%2B15551230006").json().get("messages");
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).get("attempts").asInt()).isEqualTo(3);
    assertThat(messages.get(0).get("correlation").asText()).isEqualTo("ours-6");
    assertThat(messages.get(0).get("provider_message_id").asText())
        .isEqualTo(accepted.json().get("message_token").bigIntegerValue().toString());
    viber.advance("PT10S");
    assertThat(viber.receipts()).hasSize(2);
  }

  @Test
  void sendsWithoutTrackingDataAreAlwaysNewMessages() {
    String first = viber.sendAccepted("+15551230007");
    String second = viber.sendAccepted("+15551230007");
    assertThat(first).isNotEqualTo(second);
    assertThat(Http.get(base + "/__sim/messages?to=%2B15551230007").json().get("messages"))
        .hasSize(2);
  }

  @Test
  void serverErrorIsHttp500WithAnEmptyBody_overridesApply_andATimeoutClosesTheConnection() {
    viber.upload(
        """
        id: viber-test-server-errors
        provider: viber
        description: 500, then 429 with Retry-After, then no answer
        send:
          - respond: server-error
          - respond: throttle
            http_status: 429
            retry_after: 30s
          - respond: timeout
            delay: 100ms
        """);
    viber.bind("+15551230008", "viber-test-server-errors");
    Http.Answer failed = viber.send("+15551230008", "ours-8");
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.body()).isEmpty();
    Http.Answer throttled = viber.send("+15551230008", "ours-8");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(throttled.json().get("status").asInt()).isEqualTo(12);
    assertThatThrownBy(() -> viber.send("+15551230008", "ours-8"))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void anUnknownPathIsInvalidUrlWithHttp404() {
    Http.Answer unknown = viber.call("/pa/get_online", "{\"ids\":[\"01234567890A=\"]}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("status").asInt()).isEqualTo(1);
    assertThat(unknown.json().get("status_message").asText()).startsWith("invalidUrl");
    assertThat(Http.get(base + "/pa/send_message").status()).isEqualTo(404);
  }

  private static void assertStatus(Http.Answer answer, int status, String statusMessage) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("status").asInt()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json().get("status_message").asText())
        .as(answer.body())
        .startsWith(statusMessage);
  }
}
