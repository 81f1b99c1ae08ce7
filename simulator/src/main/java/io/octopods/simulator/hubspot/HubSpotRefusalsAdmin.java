package io.octopods.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.http.Responses;
import io.octopods.simulator.core.http.Route;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET|POST|DELETE /__sim/hubspot/refusals}: which contacts' events HubSpot refuses, in the
 * admin API's dialect (JSON; errors problem+json). {@code POST {"email", "status": 400 | 404}}
 * refuses one contact ({@code 201}, the refusal), {@code GET} lists them ({@code {"refusals":
 * [...]}}), {@code DELETE} lifts them all ({@code 204}).
 */
final class HubSpotRefusalsAdmin {
  private static final List<String> FIELDS = List.of("email", "status");
  private static final String EXAMPLE = "{\"email\": \"ana@example.com\", \"status\": 404}";
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private final HubSpotRefusals refusals;

  HubSpotRefusalsAdmin(HubSpotRefusals refusals) {
    this.refusals = refusals;
  }

  List<Route> routes() {
    String path = "/__sim/hubspot/refusals/?";
    return List.of(
        Route.of("hubspot.refusals.read", "GET", path, Route.ADMIN, this::read),
        Route.of("hubspot.refusals.add", "POST", path, Route.ADMIN, this::add),
        Route.of("hubspot.refusals.lift", "DELETE", path, Route.ADMIN, this::lift));
  }

  private ResponseDefinition read(Request r, Matcher m) {
    ObjectNode body = Json.object();
    var list = body.putArray("refusals");
    refusals.list().forEach(refusal -> list.add(view(refusal)));
    return Responses.json(200, body);
  }

  private ResponseDefinition add(Request r, Matcher m) {
    try {
      JsonNode body = AdminBody.object(r, FIELDS, EXAMPLE);
      String email = email(body.get("email"));
      int status = status(body.get("status"));
      refusals.refuse(email, status);
      return Responses.json(201, view(new HubSpotRefusals.Refusal(email, status)));
    } catch (IllegalArgumentException e) {
      return Responses.problem(400, "Bad request", e.getMessage());
    }
  }

  private ResponseDefinition lift(Request r, Matcher m) {
    refusals.reset();
    return Responses.empty(204);
  }

  private static ObjectNode view(HubSpotRefusals.Refusal refusal) {
    return Json.object().put("email", refusal.email()).put("status", refusal.status());
  }

  private static String email(JsonNode n) {
    if (n == null || n.isNull()) {
      throw new IllegalArgumentException(
          "email is required: the contact whose events are refused, e.g. " + EXAMPLE);
    }
    if (!n.isTextual() || !EMAIL.matcher(n.asText()).matches()) {
      throw new IllegalArgumentException(
          "email must be an email address such as \"ana@example.com\", not " + n);
    }
    return n.asText();
  }

  private static int status(JsonNode n) {
    if (n == null || n.isNull()) {
      throw new IllegalArgumentException(
          "status is required: 400 (VALIDATION_ERROR) or 404 (OBJECT_NOT_FOUND), e.g. " + EXAMPLE);
    }
    if (!n.isIntegralNumber()
        || !n.canConvertToInt()
        || !HubSpotRefusals.STATUSES.contains(n.asInt())) {
      throw new IllegalArgumentException(
          "status must be 400 (VALIDATION_ERROR) or 404 (OBJECT_NOT_FOUND), not " + n);
    }
    return n.asInt();
  }
}
