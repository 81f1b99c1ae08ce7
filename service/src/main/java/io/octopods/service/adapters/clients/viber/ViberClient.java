package io.octopods.service.adapters.clients.viber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.service.adapters.clients.ProviderCall;
import io.octopods.service.adapters.clients.ProviderJson;
import io.octopods.service.application.HandOffResult;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.ProviderClient;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Viber's {@code send_message} (providers.md 3.2, 3.3): {@code POST {base}/pa/send_message} with
 * {@code X-Viber-Auth-Token}, the E.164 number as {@code receiver} and our message id as {@code
 * tracking_data}. Refusals come back as HTTP 200 with a non-zero {@code status}; {@code
 * message_token} is a 64-bit integer whose digits are kept exactly (never a double).
 */
public final class ViberClient implements ProviderClient {
  static final int OK = 0;
  static final int TOO_MANY_REQUESTS = 12;

  private final URI endpoint;
  private final String authToken;
  private final String senderName;
  private final ProviderCall call;

  /**
   * @param baseUrl the host root ({@code https://chatapi.viber.com})
   * @param senderName {@code sender.name}, at most 28 characters
   * @param timeout {@code OCTOPODS_PROVIDER_TIMEOUT}
   */
  public ViberClient(String baseUrl, String authToken, String senderName, Duration timeout) {
    this(baseUrl, authToken, senderName, timeout, Clock.systemUTC());
  }

  public ViberClient(
      String baseUrl, String authToken, String senderName, Duration timeout, Clock clock) {
    this.endpoint = URI.create(stripSlash(baseUrl) + "/pa/send_message");
    this.authToken = authToken;
    this.senderName = senderName;
    this.call = new ProviderCall("Viber", timeout, clock);
  }

  @Override
  public HandOffResult send(MessageRecord message) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .header("X-Viber-Auth-Token", authToken)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(message), StandardCharsets.UTF_8));
    try {
      return outcome(call.send(request));
    } catch (ProviderCall.NoAnswer e) {
      return e.result();
    }
  }

  String body(MessageRecord message) {
    ObjectNode o = ProviderJson.object().put("receiver", message.to()).put("min_api_version", 1);
    o.putObject("sender").put("name", senderName);
    o.put("tracking_data", message.messageId()).put("type", "text").put("text", message.body());
    return ProviderJson.write(o);
  }

  /** The hand-off outcome of the provider's answer to a send (status-model.md section 4). */
  public static HandOffResult outcome(ProviderCall.Answer answer) {
    JsonNode json = ProviderJson.read(answer.body());
    Optional<Integer> status = status(json.path("status"));
    String statusMessage = json.path("status_message").asText("").trim();
    if (answer.serverError() || answer.status() == 429) {
      return new HandOffResult.Retryable(
          "Viber answered HTTP "
              + answer.status()
              + (status.isPresent()
                  ? " with status " + status.get() + " " + statusMessage
                  : " (" + answer.snippet() + ")"),
          answer.retryAfter());
    }
    if (status.isEmpty()) {
      return new HandOffResult.Rejected(
          null,
          "Viber answered HTTP "
              + answer.status()
              + " without a status ("
              + answer.snippet()
              + ")");
    }
    int s = status.get();
    if (s == OK) {
      Optional<String> token = token(json.path("message_token"));
      if (token.isEmpty()) {
        return new HandOffResult.TimedOut(
            "Viber answered status 0 without a message_token ("
                + answer.snippet()
                + "); it may have accepted the message, so it is not re-sent");
      }
      return new HandOffResult.Accepted(token.get(), "0");
    }
    if (s == TOO_MANY_REQUESTS) {
      return new HandOffResult.Retryable(
          "Viber answered status 12 "
              + (statusMessage.isEmpty() ? "tooManyRequests" : statusMessage),
          answer.retryAfter());
    }
    return new HandOffResult.Rejected("viber:" + s, statusMessage.isEmpty() ? null : statusMessage);
  }

  /** {@code status} as a number or a text of digits. */
  private static Optional<Integer> status(JsonNode node) {
    String text = ProviderJson.text(node);
    return text.matches("-?\\d{1,9}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
  }

  /**
   * The token's decimal digits exactly as sent (a JSON number, or a string of digits); never
   * through a double.
   */
  static Optional<String> token(JsonNode node) {
    if (node.isIntegralNumber()) {
      return Optional.of(node.bigIntegerValue().toString());
    }
    if (node.isBigDecimal()) { // written with a fraction or exponent: keep it only if it is a whole
      // number
      try {
        return Optional.of(node.decimalValue().toBigIntegerExact().toString());
      } catch (ArithmeticException e) {
        return Optional.empty();
      }
    }
    if (node.isTextual() && node.asText().trim().matches("\\d+")) {
      return Optional.of(new BigInteger(node.asText().trim()).toString());
    }
    return Optional.empty();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
