package io.octopods.simulator.viber;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A {@code send_message} body as the simulated Viber checks it: {@code receiver} and {@code type}
 * required, {@code text} required for a text message and at most 7,000 characters, {@code
 * sender.name} at most 28; {@code tracking_data} is the correlation.
 */
record SendMessage(String receiver, Optional<String> trackingData) {
  static final int MAX_TEXT = 7000;
  static final int MAX_SENDER_NAME = 28;

  /** Reads the body; throws {@link Refusal} (missingData or badData) saying what is wrong. */
  static SendMessage read(JsonNode body) {
    String receiver = requiredText(body, "receiver");
    String type = requiredText(body, "type");
    if ("text".equals(type)) {
      String text = requiredText(body, "text");
      int length = text.codePointCount(0, text.length());
      if (length > MAX_TEXT) {
        throw Refusal.because(
            ViberStatus.BAD_DATA, "text has " + length + " characters, at most " + MAX_TEXT);
      }
    }
    JsonNode sender = body.get("sender");
    if (sender != null && !sender.isNull()) {
      if (!sender.isObject()) {
        throw Refusal.because(ViberStatus.BAD_DATA, "sender must be an object with a name");
      }
      JsonNode name = sender.get("name");
      if (name != null && !name.isTextual()) {
        throw Refusal.because(ViberStatus.BAD_DATA, "sender.name must be a string");
      }
      if (name != null
          && name.asText().codePointCount(0, name.asText().length()) > MAX_SENDER_NAME) {
        throw Refusal.because(
            ViberStatus.BAD_DATA,
            "sender.name '"
                + name.asText()
                + "' is longer than "
                + MAX_SENDER_NAME
                + " characters");
      }
    }
    JsonNode tracking = body.get("tracking_data");
    if (tracking != null && !tracking.isNull() && !tracking.isTextual()) {
      throw Refusal.because(ViberStatus.BAD_DATA, "tracking_data must be a string");
    }
    Optional<String> trackingData =
        Optional.ofNullable(tracking)
            .filter(JsonNode::isTextual)
            .map(JsonNode::asText)
            .filter(t -> !t.isEmpty());
    return new SendMessage(receiver, trackingData);
  }

  private static String requiredText(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
      throw Refusal.because(ViberStatus.MISSING_DATA, field + " is required");
    }
    if (!node.isTextual()) {
      throw Refusal.because(
          ViberStatus.BAD_DATA,
          field
              + " must be a string, was "
              + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return node.asText();
  }
}
