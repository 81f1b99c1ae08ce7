package io.octopods.simulator.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.http.Responses;
import io.octopods.simulator.core.http.Route;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * {@code GET /__sim/hubspot/timeline?email=} (or {@code ?objectId=}): what HubSpot would show on
 * the contact, {@code {"events": [...]}} in the order received; an unknown contact has none. Our
 * dialect: errors are problem+json.
 */
final class HubSpotTimelineAdmin {
  private final HubSpotTimelines timelines;

  HubSpotTimelineAdmin(HubSpotTimelines timelines) {
    this.timelines = timelines;
  }

  Route route() {
    return Route.of(
        "hubspot.timeline", "GET", "/__sim/hubspot/timeline/?", Route.ADMIN, this::timeline);
  }

  private ResponseDefinition timeline(Request r, Matcher m) {
    Optional<String> email = query(r, "email");
    Optional<String> objectId = query(r, "objectId");
    if (email.isEmpty() && objectId.isEmpty()) {
      return Responses.problem(
          400,
          "Bad request",
          "name the contact: GET /__sim/hubspot/timeline?email=<address> or ?objectId=<id>");
    }
    List<TimelineEvent> events =
        email.isPresent() ? timelines.byEmail(email.get()) : timelines.byObjectId(objectId.get());
    ObjectNode body = Json.object();
    var list = body.putArray("events");
    events.forEach(e -> list.add(e.admin()));
    return Responses.json(200, body);
  }

  private static Optional<String> query(Request r, String name) {
    var p = r.queryParameter(name);
    return p.isPresent() && !p.firstValue().isEmpty()
        ? Optional.of(p.firstValue())
        : Optional.empty();
  }
}
