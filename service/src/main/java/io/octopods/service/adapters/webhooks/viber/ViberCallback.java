package io.octopods.service.adapters.webhooks.viber;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.webhooks.IncomingReports;
import io.octopods.service.adapters.webhooks.MalformedEnvelope;
import io.octopods.service.adapters.webhooks.ProviderTime;
import io.octopods.service.application.IncomingReport;
import io.octopods.service.domain.Channel;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one Viber callback (providers.md 3.4): the receipts {@code delivered}, {@code seen}, {@code
 * failed} ({@code desc} is the error title) and {@code expired}, and any other word carrying a
 * {@code message_token}, are reports; {@code webhook}, {@code subscribed}, {@code unsubscribed},
 * {@code conversation_started} and {@code message} are not, and are ignored. The {@code
 * message_token} is a 64-bit integer kept as its exact decimal digits (never a double); {@code
 * timestamp} is Unix milliseconds. Viber echoes no id of ours.
 */
public final class ViberCallback {
  static final Set<String> RECEIPTS = Set.of("delivered", "seen", "failed", "expired");
  static final Set<String> NOT_REPORTS =
      Set.of("webhook", "subscribed", "unsubscribed", "conversation_started", "message");
  private static final String SHAPE =
      "{\"event\":\"delivered\",\"timestamp\":1457764197627,"
          + "\"message_token\":4912661846655238145}";
  private static final int MAX_TOKEN_DIGITS = 40;

  private ViberCallback() {}

  /** The report of a callback; empty for an event that is no delivery report. */
  public static Optional<IncomingReport> read(byte[] body) {
    JsonNode json;
    try {
      json = JsonBodies.parse(body);
    } catch (IllegalArgumentException e) {
      throw new MalformedEnvelope(e.getMessage() + "; expected one event like " + SHAPE);
    }
    if (!json.isObject()) {
      throw new MalformedEnvelope(
          "the body is a JSON "
              + json.getNodeType().name().toLowerCase(Locale.ROOT)
              + ", expected one event object like "
              + SHAPE);
    }
    JsonNode event = json.get("event");
    if (event == null || !event.isTextual() || event.asText().isBlank()) {
      throw new MalformedEnvelope("it has no 'event' name; expected one event like " + SHAPE);
    }
    String word = event.asText().trim();
    Optional<String> token = token(json.get("message_token"));
    if (NOT_REPORTS.contains(word) || (!RECEIPTS.contains(word) && token.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(
        IncomingReports.of(
            Channel.VIBER,
            token.orElse(null),
            null,
            word,
            ProviderTime.fromMillis(scalar(json.get("timestamp"))),
            null,
            scalar(json.get("desc")),
            new String(body, StandardCharsets.UTF_8)));
  }

  /**
   * The token's exact digits: a JSON integer of any size, digits in a string, or a float with no
   * fraction.
   */
  static Optional<String> token(JsonNode token) {
    if (token == null || token.isNull() || token.isContainerNode()) {
      return Optional.empty();
    }
    if (token.isIntegralNumber()) {
      return Optional.of(token.bigIntegerValue().toString());
    }
    if (token.isNumber()) {
      BigDecimal d = token.decimalValue();
      if (d.precision() - d.scale() > MAX_TOKEN_DIGITS) {
        return Optional.empty();
      }
      try {
        return Optional.of(d.toBigIntegerExact().toString());
      } catch (ArithmeticException fraction) {
        return Optional.empty();
      }
    }
    String text = token.asText().trim();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static String scalar(JsonNode node) {
    return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
  }
}
