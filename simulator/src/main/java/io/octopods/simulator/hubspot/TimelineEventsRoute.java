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
 * The timeline events API: create ({@code 201}, {@code 409} on a known id), batch create of 1 to
 * {@value #MAX_BATCH_INPUTS} inputs ({@code 201}, or {@code 207} with one StandardError per refused
 * input) and read one event. Every call passes the {@link HubSpotGate} first; an event of a refused
 * contact ({@link HubSpotRefusals}) is refused as an invalid one is.
 */
final class TimelineEventsRoute {
  /**
   * The most inputs one batch create takes (HubSpot's CRM batch limit); past it the whole call is
   * refused.
   */
  static final int MAX_BATCH_INPUTS = 100;

  private final HubSpotGate gate;
  private final HubSpotTimelines timelines;
  private final HubSpotRefusals refusals;
  private final TimelineEventReader reader;
  private final ScenarioClock clock;

  TimelineEventsRoute(
      HubSpotGate gate,
      HubSpotTimelines timelines,
      HubSpotRefusals refusals,
      TimelineEventReader reader,
      ScenarioClock clock) {
    this.gate = gate;
    this.timelines = timelines;
    this.refusals = refusals;
    this.reader = reader;
    this.clock = clock;
  }

  /** {@code POST .../events}. */
  ResponseDefinition create(Request request, Matcher path) {
    return gate.pass(
        request,
        () -> {
          JsonNode body = TimelineEventReader.body(request.getBodyAsString());
          return new HubSpotGate.Answer(201, store(body).wire());
        });
  }

  /** {@code POST .../events/batch/create} with {@code {"inputs": [...]}}. */
  ResponseDefinition batch(Request request, Matcher path) {
    return gate.pass(
        request,
        () -> {
          JsonNode inputs =
              inputs(TimelineEventReader.body(request.getBodyAsString()).get("inputs"));
          String startedAt = TimelineEvent.iso(clock.now());
          ArrayNode results = Json.array();
          ArrayNode errors = Json.array();
          for (int i = 0; i < inputs.size(); i++) {
            try {
              results.add(store(inputs.get(i)).wire());
            } catch (HubSpotErrors.Refused e) {
              errors.add(HubSpotErrors.batchItem(i, inputs.get(i), e));
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
    return gate.pass(
        request,
        () ->
            timelines
                .find(template, id)
                .map(e -> new HubSpotGate.Answer(200, e.wire()))
                .orElseGet(
                    () ->
                        new HubSpotGate.Answer(
                            404,
                            HubSpotErrors.error(
                                "No event with id '"
                                    + id
                                    + "' for event template "
                                    + template
                                    + " was found",
                                HubSpotErrors.NOT_FOUND))));
  }

  private TimelineEvent store(JsonNode input) {
    TimelineEvent event = reader.read(input);
    refusals.check(event);
    return timelines
        .add(event)
        .orElseThrow(
            () ->
                new HubSpotErrors.Refused(
                    409,
                    HubSpotErrors.error(
                        "An event with id '"
                            + event.id()
                            + "' already exists for event template "
                            + event.eventTemplateId()
                            + "; timeline events are immutable, so a repeated id stores nothing",
                        HubSpotErrors.CONFLICT)));
  }

  /**
   * The inputs of a batch: an array of 1 to {@value #MAX_BATCH_INPUTS}, or the whole call is
   * refused.
   */
  private static JsonNode inputs(JsonNode inputs) {
    if (inputs == null || !inputs.isArray()) {
      throw HubSpotErrors.Refused.invalid(
          "inputs",
          "inputs is required: an array of 1 to " + MAX_BATCH_INPUTS + " timeline events");
    }
    if (inputs.isEmpty()) {
      throw HubSpotErrors.Refused.invalid(
          "inputs", "inputs is empty: send 1 to " + MAX_BATCH_INPUTS + " timeline events");
    }
    if (inputs.size() > MAX_BATCH_INPUTS) {
      throw HubSpotErrors.Refused.invalid(
          "inputs",
          "The maximum number of inputs supported in a batch request is "
              + MAX_BATCH_INPUTS
              + ", but "
              + inputs.size()
              + " were sent. Please reduce the number of items and try again "
              + "(split them into calls of at most "
              + MAX_BATCH_INPUTS
              + "); nothing was stored.");
    }
    return inputs;
  }

  private static String decoded(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
