package io.octopods.simulator.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.twilio.TwilioErrors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Twilio's status callbacks (providers.md 1.4): form parameters, or a JSON object of them (the
 * {@code bodySHA256} variant). No event time. The parameters the simulator writes by itself are
 * those of {@code TwilioCallbacks}; any other one is kept as a field.
 */
final class TwilioCallbackReader implements CallbackReader {
  /** What {@code TwilioCallbacks} writes for every step. */
  static final Set<String> WRITTEN =
      Set.of(
          "MessageSid",
          "SmsSid",
          "AccountSid",
          "From",
          "To",
          "MessageStatus",
          "SmsStatus",
          "MessagingServiceSid",
          "ErrorCode",
          "ApiVersion");

  @Override
  public Reading read(String body, Optional<String> contentType) {
    Map<String, String> params = params(body, contentType);
    String word = first(params, "MessageStatus", "SmsStatus");
    if (word == null) {
      return new Reading(
          List.of(), List.of("no MessageStatus (or SmsStatus) parameter: not a status callback"));
    }
    String sid = first(params, "MessageSid", "SmsSid");
    ObjectNode fields = Json.object();
    params.forEach(
        (name, value) -> {
          if (!WRITTEN.contains(name)) {
            fields.put(name, value);
          }
        });
    // the simulator writes one value for each pair; a capture where they differ keeps the other
    if (params.containsKey("SmsSid") && !params.get("SmsSid").equals(sid)) {
      fields.put("SmsSid", params.get("SmsSid"));
    }
    if (params.containsKey("SmsStatus") && !params.get("SmsStatus").equals(word)) {
      fields.put("SmsStatus", params.get("SmsStatus"));
    }
    Optional<String> error = Optional.ofNullable(params.get("ErrorCode"));
    if (error.isPresent() && error.get().isEmpty()) {
      fields.put("ErrorCode", "");
      error = Optional.empty();
    }
    return new Reading(
        List.of(new StatusItem(sid, word, Optional.empty(), Optional.empty(), error, fields, 0, 0)),
        List.of());
  }

  @Override
  public String contract() {
    return "providers/twilio/callback.schema.json";
  }

  @Override
  public boolean formBody(String body, Optional<String> contentType) {
    return !json(body, contentType);
  }

  @Override
  public Optional<String> stepContentType(String body, Optional<String> contentType) {
    return json(body, contentType) ? Optional.of("application/json") : Optional.empty();
  }

  @Override
  public boolean knownError(String error) {
    return TwilioErrors.known(error);
  }

  /** The parameters of a body, in their order (a repeated name: the first wins). */
  static Map<String, String> params(String body, Optional<String> contentType) {
    Map<String, String> params = new LinkedHashMap<>();
    if (json(body, contentType)) {
      JsonNode n = Json.parse(body);
      if (!n.isObject()) {
        throw new IllegalArgumentException("a JSON callback body is an object of parameters");
      }
      n.fields()
          .forEachRemaining(
              e -> {
                JsonNode v = e.getValue();
                if (!v.isNull()) {
                  params.put(e.getKey(), v.isValueNode() ? v.asText() : Json.write(v));
                }
              });
      return params;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      params.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return params;
  }

  static boolean json(String body, Optional<String> contentType) {
    return contentType
        .map(t -> t.toLowerCase(Locale.ROOT).contains("json"))
        .orElse(body.stripLeading().startsWith("{"));
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a well-formed form body: " + e.getMessage(), e);
    }
  }

  private static String first(Map<String, String> params, String name, String alias) {
    String v = params.get(name);
    if (v == null || v.isBlank()) {
      v = params.get(alias);
    }
    return v == null || v.isBlank() ? null : v;
  }
}
