package io.octopods.simulator.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.Recipients;
import io.octopods.simulator.core.SendDesk;
import io.octopods.simulator.core.SimulatorContext;
import io.octopods.simulator.core.http.Responses;
import io.octopods.simulator.core.http.Route;
import io.octopods.simulator.core.scenario.SendAttempt;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * {@code POST /{version}/{phone-number-id}/messages}: Bearer token, JSON body, {@code 200} with a
 * wamid or a Graph error.
 */
final class WhatsAppSendRoute implements Route.Handler {
  private final SimulatorContext ctx;

  WhatsAppSendRoute(SimulatorContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public ResponseDefinition handle(Request request, Matcher path) {
    String auth = Optional.ofNullable(request.getHeader("Authorization")).orElse("");
    if (!auth.equals("Bearer " + WhatsAppSimulator.ACCESS_TOKEN)) {
      return error(
          401, 190, "OAuthException", "Invalid OAuth access token - Cannot parse access token");
    }
    if (!WhatsAppSimulator.PHONE_NUMBER_ID.equals(path.group(2))) {
      return error(
          400,
          100,
          "GraphMethodException",
          "Unsupported post request. Object with ID '"
              + path.group(2)
              + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation");
    }
    JsonNode body;
    try {
      body = Json.parse(request.getBodyAsString());
    } catch (IllegalArgumentException e) {
      return error(400, 100, "OAuthException", "The request body is not JSON: " + e.getMessage());
    }
    String problem = problemWith(body);
    if (problem != null) {
      return error(400, 100, "OAuthException", problem);
    }
    String to = body.get("to").asText();
    Optional<String> callbackData =
        Optional.ofNullable(body.get("biz_opaque_callback_data")).map(JsonNode::asText);
    Map<String, String> facts = new LinkedHashMap<>();
    callbackData.ifPresent(d -> facts.put("biz_opaque_callback_data", d));
    SendDesk.Decision decision =
        ctx.desk()
            .receive(
                new SendDesk.Arrival(
                    "whatsapp",
                    Recipients.normalise(to),
                    callbackData,
                    facts,
                    false,
                    "accepted",
                    () -> WamId.next(to)));
    return answer(decision, to);
  }

  private static String problemWith(JsonNode body) {
    if (body == null || !body.isObject()) {
      return "The request body must be a JSON object";
    }
    if (!"whatsapp".equals(body.path("messaging_product").asText())) {
      return "The parameter messaging_product is required and must be 'whatsapp'";
    }
    if (body.path("to").asText("").isBlank()) {
      return "The parameter to is required";
    }
    String type = body.path("type").asText("text");
    if (!body.has(type)) {
      return "The parameter " + type + " is required for a message of type " + type;
    }
    if ("text".equals(type) && body.path("text").path("body").asText("").isEmpty()) {
      return "The parameter text['body'] is required";
    }
    return null;
  }

  private ResponseDefinition answer(SendDesk.Decision decision, String to) {
    SendAttempt a = decision.answer();
    ResponseDefinitionBuilder b =
        switch (a.respond()) {
          case ACCEPT ->
              Responses.builder(
                  a.httpStatus().orElse(200),
                  "application/json",
                  Json.write(accepted(decision, to)));
          case REJECT -> graph(a.httpStatus().orElse(400), code(a, WhatsAppErrors.REJECTED));
          case THROTTLE -> graph(a.httpStatus().orElse(429), code(a, WhatsAppErrors.THROTTLED));
          case SERVER_ERROR ->
              graph(a.httpStatus().orElse(500), code(a, WhatsAppErrors.SERVER_ERROR));
          case TIMEOUT -> null;
        };
    if (b == null) {
      return Responses.noAnswerAfter(a.delay());
    }
    if (a.retryAfter().isPresent()) {
      b = b.withHeader("Retry-After", String.valueOf(a.retryAfter().get().toSeconds()));
    }
    return b.withFixedDelay((int) a.delay().toMillis()).build();
  }

  private static ObjectNode accepted(SendDesk.Decision decision, String to) {
    ObjectNode o = Json.object().put("messaging_product", "whatsapp");
    o.putArray("contacts").addObject().put("input", to).put("wa_id", to.replace("+", ""));
    o.putArray("messages").addObject().put("id", decision.created().providerMessageId());
    return o;
  }

  private static String code(SendAttempt a, int fallback) {
    return a.error().orElse(String.valueOf(fallback));
  }

  private static ResponseDefinitionBuilder graph(int status, String code) {
    ObjectNode error = WhatsAppErrors.graphError(code, "OAuthException", "");
    ((ObjectNode) error.at("/error/error_data"))
        .put("details", error.at("/error/message").asText());
    return Responses.builder(status, "application/json", Json.write(error));
  }

  private static ResponseDefinition error(int status, int code, String type, String details) {
    return Responses.json(status, WhatsAppErrors.graphError(code, type, details));
  }
}
