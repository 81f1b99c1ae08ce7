package io.octopods.simulator.viber;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Request;
import io.octopods.simulator.core.Json;

/**
 * Reads a call to the REST Bot API: the auth token from {@code X-Viber-Auth-Token} (or, as the SDKs
 * also send it, {@code auth_token} in the body), then the JSON body (at most 30 KB).
 */
final class ViberCall {
  static final String AUTH_HEADER = "X-Viber-Auth-Token";
  static final int MAX_BODY_BYTES = 30 * 1024;

  private ViberCall() {}

  /** The JSON object of an authorised call; throws {@link Refusal} otherwise. */
  static JsonNode body(Request request) {
    byte[] raw = request.getBody() == null ? new byte[0] : request.getBody();
    JsonNode body;
    String parseError = null;
    try {
      body = Json.parse(request.getBodyAsString());
    } catch (IllegalArgumentException e) {
      body = null;
      parseError = e.getMessage();
    }
    String token = request.getHeader(AUTH_HEADER);
    if (token == null && body != null && body.path("auth_token").isTextual()) {
      token = body.get("auth_token").asText();
    }
    if (token == null || token.isEmpty()) {
      throw Refusal.worded(ViberStatus.INVALID_AUTH_TOKEN, "missing_auth_token");
    }
    if (!token.equals(ViberSimulator.AUTH_TOKEN)) {
      throw Refusal.of(ViberStatus.INVALID_AUTH_TOKEN);
    }
    if (raw.length > MAX_BODY_BYTES) {
      throw Refusal.because(
          ViberStatus.BAD_DATA,
          "the JSON body is " + raw.length + " bytes, at most " + MAX_BODY_BYTES + " (30 KB)");
    }
    if (parseError != null) {
      throw Refusal.because(ViberStatus.BAD_DATA, "the body is not JSON: " + parseError);
    }
    if (body == null || !body.isObject()) {
      throw Refusal.because(ViberStatus.BAD_DATA, "the body must be a JSON object");
    }
    return body;
  }
}
