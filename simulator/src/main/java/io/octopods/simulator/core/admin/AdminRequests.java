package io.octopods.simulator.core.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Request;
import io.octopods.simulator.core.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reading admin requests: JSON bodies and query parameters. */
final class AdminRequests {
  private AdminRequests() {}

  /** The JSON object of a request body; throws {@link BadAdminRequest} when it is not one. */
  static JsonNode jsonObject(Request request) {
    JsonNode node;
    try {
      node = Json.parse(request.getBodyAsString());
    } catch (IllegalArgumentException e) {
      throw new BadAdminRequest("the body is not JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadAdminRequest("the body must be a JSON object");
    }
    return node;
  }

  static Optional<String> query(Request request, String name) {
    var p = request.queryParameter(name);
    return p.isPresent() ? Optional.of(p.firstValue()) : Optional.empty();
  }

  static String decoded(String pathSegment) {
    // a path segment is percent-encoded: '+' is a plus, not a space (that is form encoding)
    return URLDecoder.decode(pathSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** A request the admin API cannot act on: answered 400 with this message. */
  static final class BadAdminRequest extends RuntimeException {
    BadAdminRequest(String message) {
      super(message);
    }
  }
}
