package io.octopods.simulator.viber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.octopods.contracts.Contracts;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import java.util.List;

/** Drives the Viber simulator the way a bot would, and reads what its webhook received. */
final class ViberDriver {
  /** A client's own parser: plain Jackson, integers as long (never a double). */
  static final ObjectMapper CLIENT_JSON = new ObjectMapper();

  static final Contracts CONTRACTS = Contracts.shipped();

  private final String base;
  private final CallbackReceiver receiver;

  ViberDriver(String base, CallbackReceiver receiver) {
    this.base = base;
    this.receiver = receiver;
  }

  Http.Answer call(String path, String json) {
    return Http.postJson(base + path, json, "X-Viber-Auth-Token", ViberSimulator.AUTH_TOKEN);
  }

  Http.Answer setWebhook(String url) {
    return setWebhook(url, "[\"delivered\",\"seen\",\"failed\"]");
  }

  /**
   * {@code set_webhook} with {@code event_types} as given (a JSON array; null leaves it out: every
   * event).
   */
  Http.Answer setWebhook(String url, String eventTypes) {
    return call(
        "/pa/set_webhook",
        "{\"url\":\""
            + url
            + "\","
            + (eventTypes == null ? "" : "\"event_types\":" + eventTypes + ",")
            + "\"send_name\":true,\"send_photo\":false}");
  }

  Http.Answer send(String receiverId, String trackingData) {
    return call(
        "/pa/send_message",
        "{\"receiver\":\""
            + receiverId
            + "\",\"min_api_version\":1,"
            + "\"sender\":{\"name\":\""
            + ViberSimulator.SENDER_NAME
            + "\"},"
            + (trackingData == null ? "" : "\"tracking_data\":\"" + trackingData + "\",")
            + "\"type\":\"text\",\"text\":\"hello\"}");
  }

  /**
   * Sends and expects {@code status} 0; returns the token's digits, read as a client would (a
   * long).
   */
  String sendAccepted(String receiverId) {
    return sendAccepted(receiverId, null);
  }

  /** The same with {@code tracking_data} (null: none). */
  String sendAccepted(String receiverId, String trackingData) {
    Http.Answer sent = send(receiverId, trackingData);
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    JsonNode token = parse(sent.body()).get("message_token");
    assertThat(token.isIntegralNumber()).as(sent.body()).isTrue();
    assertThat(CONTRACTS.check("providers/viber/send-message-answer.schema.json", sent.body()))
        .isEmpty();
    return token.bigIntegerValue().toString();
  }

  void bind(String to, String scenario) {
    Http.Answer bound =
        Http.postJson(
            base + "/__sim/bindings", "{\"to\":\"" + to + "\",\"scenario\":\"" + scenario + "\"}");
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
  }

  void upload(String yaml) {
    Http.Answer up = Http.post(base + "/__sim/scenarios", "application/yaml", yaml);
    assertThat(up.status()).as(up.body()).isIn(200, 201);
  }

  Http.Answer advance(String by) {
    Http.Answer advanced = Http.postJson(base + "/__sim/clock/advance", "{\"by\":\"" + by + "\"}");
    assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
    return advanced;
  }

  long nowMillis() {
    return java.time.Instant.parse(Http.get(base + "/__sim/clock").json().get("now").asText())
        .toEpochMilli();
  }

  /** What the simulator lists for one receiver ({@code GET /__sim/messages?to=}). */
  JsonNode messages(String to) {
    return Http.get(
            base
                + "/__sim/messages?to="
                + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8))
        .json()
        .get("messages");
  }

  JsonNode journal() {
    return Http.get(base + "/__sim/callbacks").json().get("attempts");
  }

  /** The receipts the webhook got, without Viber's {@code webhook} check events. */
  List<CallbackReceiver.Received> receipts() {
    return receiver.posts().stream()
        .filter(r -> !"webhook".equals(parse(r.text()).path("event").asText()))
        .toList();
  }

  static JsonNode parse(String json) {
    try {
      return CLIENT_JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
