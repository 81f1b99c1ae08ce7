package io.octopods.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.clock.ScenarioClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

/**
 * The timeline events API: create ({@code 201}, {@code 409} on a known id), batch create ({@code 201}, or {@code 207}
 * with per-item errors) and read one event. Every call passes the {@link HubSpotGate} first.
 */
final class TimelineEventsRoute {
  private final HubSpotGate gate;
  private final HubSpotTimelines timelines;
  private final TimelineEventReader reader;
  private final ScenarioClock clock;

  TimelineEventsRoute(HubSpotGate gate, HubSpotTimelines timelines, TimelineEventReader reader, ScenarioClock clock) {
    this.gate = gate;
    this.timelines = timelines;
    this.reader = reader;
    this.clock = clock;
  }

  /** {@code POST .../events}. */
  ResponseDefinition create(Request request, Matcher path) {
    return gate.pass(request, () -> {
      JsonNode body = TimelineEventReader.body(request.getBodyAsString());
      return new HubSpotGate.Answer(201, store(body).wire());
    });
  }

  /** {@code POST .../events/batch/create} with {@code {"inputs": [...]}}. */
  ResponseDefinition batch(Request request, Matcher path) {
    return gate.pass(request, () -> {
      JsonNode inputs = TimelineEventReader.body(request.getBodyAsString()).get("inputs");
      if (inputs == null || !inputs.isArray()) {
        throw HubSpotErrors.Refused.invalid("inputs", "inputs is required: an array of timeline events");
      }
      String startedAt = TimelineEvent.iso(clock.now());
      ArrayNode results = Json.array();
      ArrayNode errors = Json.array();
      for (int i = 0; i < inputs.size(); i++) {
        try {
          results.add(store(inputs.get(i)).wire());
        } catch (HubSpotErrors.Refused e) {
          errors.add(itemError(i, inputs.get(i), e));
        }
      }
      ObjectNode answer = Json.object().put("status", "COMPLETE");
      answer.set("results", results);
      if (!errors.isEmpty()) {
        answer.put("numErrors", errors.size());
        answer.set("errors", errors);
      }
      answer.put("startedAt", startedAt).put("completedAt", TimelineEvent.iso(clock.now()));
      return new HubSpotGate.Answer(errors.isEmpty() ? 201 : 207, answer);
    });
  }

  /** {@code GET .../events/{eventTemplateId}/{eventId}}. */
  ResponseDefinition read(Request request, Matcher path) {
    String template = decoded(path.group(1));
    String id = decoded(path.group(2));
    return gate.pass(request, () -> timelines.find(template, id)
        .map(e -> new HubSpotGate.Answer(200, e.wire()))
        .orElseGet(() -> new HubSpotGate.Answer(404, HubSpotErrors.error("No event with id '" + id
            + "' for event template " + template + " was found", HubSpotErrors.NOT_FOUND))));
  }

  private TimelineEvent store(JsonNode input) {
    TimelineEvent event = reader.read(input);
    return timelines.add(event).orElseThrow(() -> new HubSpotErrors.Refused(409, HubSpotErrors.error(
        "An event with id '" + event.id() + "' already exists for event template " + event.eventTemplateId()
            + "; timeline events are immutable, so a repeated id stores nothing", HubSpotErrors.CONFLICT)));
  }

  private static ObjectNode itemError(int index, JsonNode input, HubSpotErrors.Refused e) {
    ObjectNode error = e.body().deepCopy();
    error.put("message", "inputs[" + index + "]: " + error.path("message").asText());
    ObjectNode context = error.putObject("context");
    context.putArray("index").add(String.valueOf(index));
    JsonNode id = input == null ? null : input.get("id");
    if (id != null && id.isValueNode() && !id.isNull()) {
      context.putArray("id").add(id.asText());
    }
    return error;
  }

  private static String decoded(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
