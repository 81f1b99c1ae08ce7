package io.octopods.simulator.viber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.http.Responses;
import java.util.Optional;

/**
 * The REST Bot API's answer bodies: {@code status}, {@code status_message}, {@code chat_hostname}.
 */
final class ViberAnswers {
  /** The chat host the simulated Viber names in its answers and its webhook check event. */
  static final String CHAT_HOSTNAME = "SN-CHAT-05_";

  private ViberAnswers() {}

  static ObjectNode ok() {
    return Json.object().put("status", 0).put("status_message", ViberStatus.OK.word());
  }

  static ObjectNode refusal(int status, String statusMessage) {
    return Json.object()
        .put("status", status)
        .put("status_message", statusMessage)
        .put("chat_hostname", CHAT_HOSTNAME);
  }

  /**
   * The refusal a scenario asked for: a numeric {@code error} is the status (named from the table);
   * a text {@code error} is the status message of the default status; no {@code error} is the
   * default.
   */
  static ObjectNode scripted(Optional<String> error, ViberStatus fallback) {
    if (error.isEmpty()) {
      return refusal(fallback.code(), fallback.word());
    }
    return ViberStatus.code(error.get())
        .map(code -> refusal(code, ViberStatus.word(code)))
        .orElseGet(() -> refusal(fallback.code(), error.get()));
  }

  static ResponseDefinitionBuilder json(int httpStatus, JsonNode body) {
    return Responses.builder(httpStatus, "application/json", Json.write(body));
  }
}
