package io.octopods.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.http.Responses;
import java.util.UUID;

/**
 * HubSpot's error dialect: {@code {"status":"error","message","correlationId","category"}}, the
 * rate-limit body with {@code errorType} and {@code policyName}, and the StandardError of one input
 * of a batch (providers.md section 5).
 */
final class HubSpotErrors {
  static final String CONTENT_TYPE = "application/json;charset=utf-8";
  static final String VALIDATION = "VALIDATION_ERROR";
  static final String AUTHENTICATION = "INVALID_AUTHENTICATION";
  static final String CONFLICT = "CONFLICT";
  static final String NOT_FOUND = "OBJECT_NOT_FOUND";
  static final String INTERNAL = "INTERNAL_ERROR";
  static final String MISSING_SCOPES = "MISSING_SCOPES";
  static final String REQUEST_TIMEOUT = "REQUEST_TIMEOUT";
  static final String TOO_LARGE = "REQUEST_ENTITY_TOO_LARGE";
  private static final String SCOPES_LINK = "https://developers.hubspot.com/scopes";

  private HubSpotErrors() {}

  static ObjectNode error(String message, String category) {
    return Json.object()
        .put("status", "error")
        .put("message", message)
        .put("correlationId", UUID.randomUUID().toString())
        .put("category", category);
  }

  /** A {@code VALIDATION_ERROR} naming the field in {@code errors[].in}. */
  static ObjectNode validation(String field, String message) {
    ObjectNode body = error(message, VALIDATION);
    ObjectNode item = body.putArray("errors").addObject().put("message", message);
    if (field != null) {
      item.put("in", field);
    }
    return body;
  }

  /**
   * The body of a failure injected by {@code POST /__sim/hubspot/limits}; a 403 names the scope it
   * lacks.
   */
  static ObjectNode injected(FailStatus failure, int failuresLeft) {
    String message =
        "Simulated failure: "
            + failure
            + " ("
            + failure.category()
            + ") injected by POST "
            + "/__sim/hubspot/limits (fail_next); "
            + failuresLeft
            + " more to come. Nothing was stored; retry.";
    ObjectNode body = error(message, failure.category());
    if (failure.httpStatus() == 403) {
      ObjectNode detail =
          body.putArray("errors")
              .addObject()
              .put("message", "One or more of the following scopes are required.");
      detail.putObject("context").putArray("requiredScopes").add("timeline");
      body.putObject("links").put("scopes", SCOPES_LINK);
    }
    return body;
  }

  /**
   * One input's refusal in a batch's {@code errors[]}, as HubSpot's StandardError: {@code status},
   * {@code category}, {@code message}, {@code errors}, {@code context} ({@code index}: the input's
   * index; {@code id}: its {@code id} when it has one), {@code links}.
   */
  static ObjectNode batchItem(int index, JsonNode input, Refused refused) {
    ObjectNode item =
        Json.object()
            .put("status", "error")
            .put("category", refused.body().path("category").asText())
            .put("message", "inputs[" + index + "]: " + refused.body().path("message").asText());
    ArrayNode details = item.putArray("errors");
    refused.body().path("errors").forEach(d -> details.add(d.deepCopy()));
    ObjectNode context = item.putObject("context");
    context.putArray("index").add(String.valueOf(index));
    JsonNode id = input == null ? null : input.get("id");
    if (id != null && id.isValueNode() && !id.isNull()) {
      context.putArray("id").add(id.asText());
    }
    item.putObject("links");
    return item;
  }

  /**
   * HubSpot's real 429 body; {@code policyName} is {@code TEN_SECONDLY_ROLLING} or {@code DAILY}.
   */
  static ObjectNode rateLimited(String policyName) {
    String which = "DAILY".equals(policyName) ? "daily" : "ten_secondly_rolling";
    return Json.object()
        .put("status", "error")
        .put("message", "You have reached your " + which + " limit.")
        .put("errorType", "RATE_LIMIT")
        .put("correlationId", UUID.randomUUID().toString())
        .put("policyName", policyName)
        .put("requestId", UUID.randomUUID().toString());
  }

  static ResponseDefinition answer(int status, JsonNode body) {
    return Responses.builder(status, CONTENT_TYPE, Json.write(body)).build();
  }

  /**
   * A request HubSpot refuses: the status and the body to answer with (one item of a batch, or the
   * whole call).
   */
  static final class Refused extends RuntimeException {
    private final int status;
    private final transient ObjectNode body;

    Refused(int status, ObjectNode body) {
      super(body.path("message").asText(), null, false, false);
      this.status = status;
      this.body = body;
    }

    static Refused invalid(String field, String message) {
      return new Refused(400, validation(field, message));
    }

    int status() {
      return status;
    }

    ObjectNode body() {
      return body;
    }
  }
}
