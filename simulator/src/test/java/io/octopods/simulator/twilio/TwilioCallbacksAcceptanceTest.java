package io.octopods.simulator.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.core.payload.Hmac;
import io.octopods.simulator.core.payload.Signing;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Twilio's status callbacks over real HTTP on the virtual clock: the scenario options that shape
 * them ({@code fields}, {@code raw}, {@code content_type}, {@code signature}), the connection
 * overrides that make Twilio retry, and a message without a StatusCallback.
 */
@OctopodsSimulators(clock = "virtual")
class TwilioCallbacksAcceptanceTest {
  private final CallbackReceiver receiver = new CallbackReceiver();
  private TwilioDriver twilio;

  @BeforeEach
  void isolate(Simulators sims) {
    twilio = new TwilioDriver(sims.baseUrl("twilio"));
    twilio.reset();
  }

  @AfterEach
  void close() {
    receiver.close();
  }

  @Test
  void connectionOverrides_rc2rp5xx_retryA500TwiceMore_butNotA4xx_andNeverWithoutOverrides() {
    receiver.answering(500);
    String sid =
        twilio.sendAccepted(
            "+15557010012", receiver.url("/webhooks/twilio?message_id=ours-12#rc=2&rp=5xx"));
    twilio.advance("PT1M");
    JsonNode attempts = twilio.journal(sid);
    assertThat(attempts)
        .filteredOn(a -> a.get("step").asInt() == 0)
        .extracting(a -> a.get("attempt").asInt())
        .containsExactly(1, 2, 3);
    assertThat(attempts).filteredOn(a -> a.get("step").asInt() == 1).hasSize(3);
    assertThat(attempts)
        .allSatisfy(
            a -> {
              assertThat(a.get("response_code").asInt()).isEqualTo(500);
              assertThat(a.get("url").asText())
                  .isEqualTo(receiver.url("/webhooks/twilio?message_id=ours-12"));
            });
    assertThat(receiver.posts()).hasSize(6);
    List<String> bodies = receiver.posts().stream().map(CallbackReceiver.Received::text).toList();
    assertThat(bodies.get(1)).as("a retry sends the same bytes").isEqualTo(bodies.get(0));

    receiver.answering(404);
    String clientError = twilio.sendAccepted("+15557010013", receiver.url("/cb?m=13#rc=2&rp=5xx"));
    String noOverrides = twilio.sendAccepted("+15557010014", receiver.url("/cb?m=14"));
    twilio.advance("PT1M");
    assertThat(twilio.journal(clientError)).hasSize(2);
    receiver.answering(500);
    String plain = twilio.sendAccepted("+15557010015", receiver.url("/cb?m=15"));
    twilio.advance("PT1M");
    assertThat(twilio.journal(noOverrides)).hasSize(2);
    assertThat(twilio.journal(plain)).as("Twilio does not retry by default").hasSize(2);
  }

  @Test
  void withoutStatusCallbackNothingIsPosted_butTheProviderSideStatusStillPlays() {
    String sid = twilio.sendAccepted("+15557010016", null);
    twilio.advance("PT1M");
    assertThat(receiver.posts()).isEmpty();
    assertThat(twilio.fetched(sid).get("status").asText()).isEqualTo("delivered");
    assertThat(twilio.journal(sid))
        .allSatisfy(a -> assertThat(a.get("outcome").asText()).isEqualTo("connect-error"));
  }

  @Test
  void fieldsRawJsonAndSignatureModes() {
    twilio.upload(
        """
        id: twilio-test-payload-options
        provider: twilio
        description: fields, raw, a JSON body and every signature mode
        send:
          respond: accept
        callbacks:
          - at: 500ms
            status: undelivered
            error: 30003
            fields:
              RawDlrDoneDate: "{{timestamp}}"
              ApiVersion: null
              Extra: 7
          - at: 1s
            raw: "MessageSid={{provider_message_id}}&MessageStatus=delivered&Note=a+b%21"
          - at: 2s
            status: read
            content_type: application/json
          - at: 3s
            status: delivered
            signature: invalid
          - at: 4s
            status: delivered
            signature: missing
          - at: 5s
            status: delivered
            signature: port-variant
        """);
    String to = "+15557010017";
    twilio.bind(to, "twilio-test-payload-options");
    String callback = receiver.url("/webhooks/twilio?message_id=ours-17");
    String sid = twilio.sendAccepted(to, callback);

    twilio.advance("PT0.7S");
    JsonNode failed = twilio.fetched(sid);
    assertThat(failed.get("status").asText()).isEqualTo("undelivered");
    assertThat(failed.get("error_code").asInt()).isEqualTo(30003);
    assertThat(failed.get("error_message").asText()).isEqualTo("Unreachable destination handset");
    twilio.advance("PT10S");

    List<CallbackReceiver.Received> posts = receiver.posts();
    assertThat(posts).hasSize(6);
    String token = TwilioSimulator.AUTH_TOKEN;

    CallbackReceiver.Received withFields = posts.get(0);
    Map<String, String> p0 = TwilioDriver.params(withFields);
    String due = twilio.journal(sid).get(0).get("due_at").asText();
    assertThat(p0)
        .containsEntry("ErrorCode", "30003")
        .containsEntry("Extra", "7")
        .containsEntry("RawDlrDoneDate", TwilioDates.dlrDoneDate(Instant.parse(due)))
        .doesNotContainKey("ApiVersion");
    assertThat(p0.get("RawDlrDoneDate")).matches("\\d{10}");
    assertThat(
            TwilioSignature.valid(token, callback, p0, withFields.header(TwilioSignature.HEADER)))
        .isTrue();
    assertThat(TwilioDriver.callbackBreaches(withFields)).isEmpty();

    CallbackReceiver.Received raw = posts.get(1);
    assertThat(raw.text()).isEqualTo("MessageSid=" + sid + "&MessageStatus=delivered&Note=a+b%21");
    assertThat(TwilioDriver.params(raw)).containsEntry("Note", "a b!");
    assertThat(
            TwilioSignature.valid(
                token, callback, TwilioDriver.params(raw), raw.header(TwilioSignature.HEADER)))
        .isTrue();

    CallbackReceiver.Received json = posts.get(2);
    assertThat(json.header("Content-Type")).isEqualTo("application/json");
    assertThat(json.text())
        .contains("\"MessageSid\":\"" + sid + "\"")
        .contains("\"MessageStatus\":\"read\"");
    String jsonUrl = TwilioDriver.urlOf(receiver, json);
    assertThat(jsonUrl).isEqualTo(callback + "&bodySHA256=" + Hmac.sha256Hex(json.body()));
    assertThat(json.header(TwilioSignature.HEADER))
        .isEqualTo(TwilioSignature.ofJsonBody(token, jsonUrl));
    assertThat(
            TwilioSignature.validJsonBody(
                token, jsonUrl, json.body(), json.header(TwilioSignature.HEADER)))
        .isTrue();

    CallbackReceiver.Received invalid = posts.get(3);
    Map<String, String> p3 = TwilioDriver.params(invalid);
    assertThat(TwilioSignature.valid(token, callback, p3, invalid.header(TwilioSignature.HEADER)))
        .isFalse();
    assertThat(invalid.header(TwilioSignature.HEADER))
        .isEqualTo(TwilioSignature.of(Signing.WRONG_SECRET, callback, p3));

    assertThat(posts.get(4).header(TwilioSignature.HEADER)).isNull();

    CallbackReceiver.Received portVariant = posts.get(5);
    Map<String, String> p5 = TwilioDriver.params(portVariant);
    assertThat(portVariant.header(TwilioSignature.HEADER))
        .isEqualTo(TwilioSignature.of(token, TwilioSignature.portVariant(callback), p5))
        .isNotEqualTo(TwilioSignature.of(token, callback, p5));
    assertThat(
            TwilioSignature.valid(token, callback, p5, portVariant.header(TwilioSignature.HEADER)))
        .isTrue();
  }
}
