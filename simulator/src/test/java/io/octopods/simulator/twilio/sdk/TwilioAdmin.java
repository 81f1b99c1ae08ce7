package io.octopods.simulator.twilio.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.support.Http;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Twilio simulator's admin API (docs/simulator.md), as a user of the SDK drives it: published
 * credentials, reset, bindings to library scenarios, the virtual clock, the callback journal and a
 * proxy in front of the receiver.
 */
final class TwilioAdmin {
  /** The live account's credentials, as {@code GET /__sim/info} publishes them. */
  record Credentials(String accountSid, String authToken) {}

  private final String base;

  TwilioAdmin(String base) {
    this.base = base;
  }

  String base() {
    return base;
  }

  Credentials credentials() {
    JsonNode live = expect(200, Http.get(base + "/__sim/info")).json().get("credentials");
    return new Credentials(live.get("account_sid").asText(), live.get("auth_token").asText());
  }

  void reset() {
    expect(204, Http.post(base + "/__sim/reset", null, ""));
  }

  void bind(String to, String scenario) {
    expect(
        201,
        Http.postJson(
            base + "/__sim/bindings", "{\"to\":\"" + to + "\",\"scenario\":\"" + scenario + "\"}"));
  }

  Instant now() {
    return Instant.parse(expect(200, Http.get(base + "/__sim/clock")).json().get("now").asText());
  }

  /** Moves the virtual clock; answers once every callback now due has been delivered. */
  void advance(String by) {
    expect(200, Http.postJson(base + "/__sim/clock/advance", "{\"by\":\"" + by + "\"}"));
  }

  /** Every delivery attempt of one message's callbacks, in firing order. */
  List<JsonNode> attempts(String sid) {
    List<JsonNode> attempts = new ArrayList<>();
    expect(200, Http.get(base + "/__sim/callbacks?message=" + sid))
        .json()
        .get("attempts")
        .forEach(attempts::add);
    return attempts;
  }

  /**
   * Callbacks are signed for their StatusCallback URL but delivered to {@code address}: a proxy in
   * front of it.
   */
  void deliverThrough(String address) {
    expect(
        200,
        Http.postJson(
            base + "/__sim/webhook", "{\"verify\":false,\"connect_to\":\"" + address + "\"}"));
  }

  /**
   * Callbacks go to their StatusCallback URL again (reset keeps webhook settings, so a test undoes
   * its proxy).
   */
  void deliverDirectly() {
    expect(200, Http.postJson(base + "/__sim/webhook", "{\"verify\":false}"));
  }

  private static Http.Answer expect(int status, Http.Answer answer) {
    assertThat(answer.status())
        .as("the Twilio simulator's admin API answered: %s", answer.body())
        .isEqualTo(status);
    return answer;
  }
}
