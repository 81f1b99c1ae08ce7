package io.octopods.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Request;
import io.octopods.simulator.core.Json;
import java.util.Iterator;
import java.util.List;

/**
 * The JSON body of a HubSpot admin call ({@code /__sim/hubspot/...}): an object with only the
 * fields its route knows. Throws {@link IllegalArgumentException} saying what is wrong and what to
 * send, for a problem+json {@code 400}.
 */
final class AdminBody {
  private AdminBody() {}

  static JsonNode object(Request request, List<String> fields, String example) {
    JsonNode body;
    try {
      body = Json.parse(request.getBodyAsString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the body is not JSON: " + e.getMessage() + "; send e.g. " + example);
    }
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("the body must be a JSON object such as " + example);
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name)) {
        throw new IllegalArgumentException(
            "unknown field '" + name + "'; the fields are " + String.join(", ", fields));
      }
    }
    return body;
  }
}
