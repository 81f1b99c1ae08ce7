package io.octopods.simulator.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import io.octopods.simulator.twilio.TwilioDriver.Credentials;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Distinct sends are never merged: every send Twilio accepts is a message with its own SID and
 * callbacks, also one answered {@code 500} that Twilio created anyway (row D4); the StatusCallback
 * query only counts attempts.
 */
@OctopodsSimulators(clock = "virtual")
class TwilioDistinctSendsAcceptanceTest {
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
  void theSameStatusCallbackToTwoRecipientsIsTwoMessages_eachWithItsCallbacks() {
    String callback = receiver.url("/webhooks/twilio?batch=9");
    String first = twilio.sendAccepted("+15557030001", callback);
    String second = twilio.sendAccepted("+15557030002", callback);
    twilio.advance("PT5S");

    assertThat(first).isNotEqualTo(second);
    for (String sid : List.of(first, second)) {
      List<Map<String, String>> callbacks =
          receiver.posts().stream()
              .map(TwilioDriver::params)
              .filter(p -> sid.equals(p.get("MessageSid")))
              .toList();
      assertThat(callbacks)
          .extracting(p -> p.get("MessageStatus"))
          .containsExactly("sent", "delivered");
    }
    assertThat(twilio.messages("+15557030001"))
        .singleElement()
        .satisfies(m -> assertThat(m.get("attempts").asInt()).isEqualTo(1));
  }

  @Test
  void
      a500ThatTwilioAcceptedThenAnAcceptedRetry_twoSids_eachFetchable_eachWithItsCallbacks_libraryRowD4() {
    String to = "+15557030003";
    String callback = receiver.url("/webhooks/twilio?message_id=ours-3");
    twilio.bind(to, "twilio-d4-server-error-but-accepted");

    Http.Answer failed =
        twilio.send(
            Credentials.LIVE,
            "To",
            to,
            "From",
            TwilioSimulator.DEFAULT_FROM,
            "Body",
            "hi",
            "StatusCallback",
            callback);
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.json().get("code").asInt()).isEqualTo(20500);
    assertThat(TwilioDriver.CONTRACTS.check("providers/twilio/error.schema.json", failed.body()))
        .isEmpty();
    twilio.advance("PT1S");
    String retried = twilio.sendAccepted(to, callback);
    twilio.advance("PT5S");

    JsonNode listed = twilio.messages(to);
    assertThat(listed).extracting(m -> m.get("attempts").asInt()).containsExactly(1, 2);
    assertThat(listed)
        .allSatisfy(m -> assertThat(m.get("correlation").asText()).isEqualTo("message_id=ours-3"));
    String hidden = listed.get(0).get("provider_message_id").asText();
    assertThat(listed.get(1).get("provider_message_id").asText()).isEqualTo(retried);
    assertThat(hidden).isNotEqualTo(retried).startsWith("SM");
    for (String sid : List.of(hidden, retried)) {
      List<Map<String, String>> callbacks =
          receiver.posts().stream()
              .map(TwilioDriver::params)
              .filter(p -> sid.equals(p.get("MessageSid")))
              .toList();
      assertThat(callbacks)
          .as("callbacks of " + sid)
          .extracting(p -> p.get("MessageStatus"))
          .containsExactly("sent", "delivered");
      assertThat(twilio.fetched(sid).get("status").asText()).isEqualTo("delivered");
    }
    assertThat(receiver.posts())
        .allSatisfy(p -> assertThat(p.uri()).isEqualTo("/webhooks/twilio?message_id=ours-3"));
  }
}
