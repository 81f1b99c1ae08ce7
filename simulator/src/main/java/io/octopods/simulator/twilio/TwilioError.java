package io.octopods.simulator.twilio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.http.Responses;

/**
 * One Twilio REST error, answered as {@code {"code", "message", "more_info", "status"}}
 * (providers.md 1.3).
 *
 * @param code Twilio's code; a scenario may write a non-numeric one, which is then passed through
 *     as text
 * @param detail Twilio's optional explanation (only the authentication error carries one), or null
 */
record TwilioError(String code, String message, int status, String detail) {
  static final String MORE_INFO = "https://www.twilio.com/docs/errors/";

  TwilioError(int code, String message, int status) {
    this(String.valueOf(code), message, status, null);
  }

  ObjectNode body() {
    ObjectNode body = Json.object();
    if (code.matches("\\d{1,9}")) {
      body.put("code", Integer.parseInt(code));
    } else {
      body.put("code", code);
    }
    body.put("message", message).put("more_info", MORE_INFO + code).put("status", status);
    if (detail != null) {
      body.put("detail", detail);
    }
    return body;
  }

  ResponseDefinitionBuilder builder() {
    ResponseDefinitionBuilder b = Responses.builder(status, "application/json", Json.write(body()));
    return status == 401 ? b.withHeader("WWW-Authenticate", "Basic realm=\"Twilio API\"") : b;
  }

  ResponseDefinition answer() {
    return builder().build();
  }
}
