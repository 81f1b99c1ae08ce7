package io.octopods.features.properties;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One callback event of a message's history, as the oracle predicts it or as the API shows it: the
 * provider's word, the public status it maps to (null: unmapped), whether it was applied, and why
 * not (section 2's reasons).
 */
public record ExpectedEvent(String word, String mapped, boolean applied, String reason) {

  /** A history event of the public API ({@code source: callback}). */
  static ExpectedEvent of(JsonNode event) {
    return new ExpectedEvent(
        text(event, "provider_status"),
        text(event, "mapped_status"),
        event.path("applied").asBoolean(),
        text(event, "reason"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() ? v.asText() : null;
  }

  @Override
  public String toString() {
    return word
        + "->"
        + (mapped == null ? "?" : mapped)
        + (applied ? " applied" : " (" + reason + ")");
  }
}
