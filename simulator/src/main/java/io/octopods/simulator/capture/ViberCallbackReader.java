package io.octopods.simulator.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.viber.ViberFailureDesc;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Viber's callbacks (providers.md 3.4): one event each; receipts ({@code delivered}, {@code seen},
 * {@code failed}, {@code expired}) and any other word with a {@code message_token} are reports,
 * {@code webhook}, {@code subscribed} and the other conversation events are not. {@code timestamp}
 * is Unix milliseconds; {@code desc} becomes the step's {@code error}. The fields the simulator
 * writes by itself are those of {@code ViberCallbacks}; any other one is kept as a field.
 */
final class ViberCallbackReader implements CallbackReader {
  /** What {@code ViberCallbacks} writes for every step. */
  static final Set<String> WRITTEN =
      Set.of("event", "timestamp", "message_token", "user_id", "desc");

  static final Set<String> RECEIPTS = Set.of("delivered", "seen", "failed", "expired");
  static final Set<String> NOT_REPORTS =
      Set.of("webhook", "subscribed", "unsubscribed", "conversation_started", "message");

  @Override
  public Reading read(String body, Optional<String> contentType) {
    JsonNode n = Json.parse(body);
    if (!n.isObject() || !n.path("event").isTextual()) {
      throw new IllegalArgumentException("no 'event' name: not a Viber callback");
    }
    String word = n.get("event").asText();
    JsonNode token = n.get("message_token");
    boolean hasToken = token != null && (token.isIntegralNumber() || token.isTextual());
    if (NOT_REPORTS.contains(word) || (!RECEIPTS.contains(word) && !hasToken)) {
      return new Reading(List.of(), List.of("event '" + word + "' is no delivery report"));
    }
    ObjectNode fields = Json.object();
    n.fields()
        .forEachRemaining(
            f -> {
              if (!WRITTEN.contains(f.getKey())) {
                fields.set(f.getKey(), f.getValue());
              }
            });
    JsonNode ts = n.get("timestamp");
    Optional<Long> millis = Optional.empty();
    if (ts != null && ts.canConvertToLong() && ts.isIntegralNumber()) {
      millis = Optional.of(ts.longValue());
    } else if (ts != null) {
      fields.set("timestamp", ts);
    }
    JsonNode desc = n.get("desc");
    Optional<String> error =
        desc != null && desc.isTextual()
            ? ViberFailureDesc.errorOf(desc.asText())
            : Optional.empty();
    if ("failed".equals(word) && desc == null) {
      fields.putNull("desc"); // the simulator gives every failed receipt one
    } else if (desc != null && !desc.isTextual()) {
      fields.set("desc", desc);
    }
    return new Reading(
        List.of(
            new StatusItem(
                hasToken ? tokenDigits(token) : null,
                word,
                millis,
                Optional.ofNullable(ts),
                error,
                fields,
                0,
                0)),
        List.of());
  }

  /** The token's exact digits: never through a double. */
  static String tokenDigits(JsonNode token) {
    return token.isIntegralNumber() ? token.bigIntegerValue().toString() : token.asText();
  }

  @Override
  public String contract() {
    return "providers/viber/callback.schema.json";
  }

  @Override
  public boolean knownError(String error) {
    return ViberFailureDesc.known(error) || error.matches("\\d{1,9}");
  }

  /** Viber's receipts carry a description, which the service keeps as the title, never a code. */
  @Override
  public boolean errorIsCode() {
    return false;
  }
}
