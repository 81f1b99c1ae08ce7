package io.octopods.service.adapters.http.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.http.Problem;
import io.octopods.service.application.ports.HubSpotOutbox;
import io.octopods.service.application.ports.HubSpotOutbox.DeadLetter;
import java.time.Clock;
import java.util.Optional;

/**
 * A workspace's HubSpot dead letters (api.md, Surfaces: HubSpot): the events HubSpot refused for
 * good, listed with HubSpot's answer, and queued again on request. A dead letter holds back none of
 * its message's later events; queued again, it goes back into its message's queue in its old place,
 * and keeps the time of its status change.
 */
final class DeadLetterResource {
  static final String PATH = "/api/v1/surfaces/hubspot/dead-letters";

  /** The most dead letters one answer lists, oldest refusal first. */
  static final int MAX_LISTED = 1000;

  private final HubSpotOutbox outbox;
  private final Clock clock;

  DeadLetterResource(HubSpotOutbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  /** {@code 200 {"data": [dead letter, ...]}}. */
  void list(Context ctx, String workspace) {
    ObjectNode o = JsonBodies.MAPPER.createObjectNode();
    ArrayNode data = o.putArray("data");
    outbox.deadLetters(workspace, MAX_LISTED).forEach(d -> data.add(json(d)));
    ctx.status(200).contentType("application/json").result(JsonBodies.write(o));
  }

  /** {@code 202 {"requeued": n}}: every dead letter of the workspace queued again. */
  void retryAll(Context ctx, String workspace) {
    requeued(ctx, outbox.requeue(workspace, Optional.empty(), clock.instant()));
  }

  /** {@code 202 {"requeued": 1}}, or {@code 404} when the workspace has no such dead letter. */
  void retryOne(Context ctx, String workspace) {
    String eventId = ctx.pathParam("event_id");
    int n = outbox.requeue(workspace, Optional.of(eventId), clock.instant());
    if (n == 0) {
      throw new ApiRefusal(
          Problem.of(
              404,
              "Not found",
              "your workspace has no HubSpot dead letter '"
                  + eventId
                  + "': use an event_id listed by GET "
                  + PATH
                  + " (<message_id>-<STATUS>); an event queued again or pushed "
                  + "since is no dead letter any more"));
    }
    requeued(ctx, n);
  }

  private static void requeued(Context ctx, int n) {
    ctx.status(202)
        .contentType("application/json")
        .result(JsonBodies.write(JsonBodies.MAPPER.createObjectNode().put("requeued", n)));
  }

  /**
   * One dead letter: {@code event_id}, {@code message_id}, {@code status} (the event's public
   * status), {@code updated_at} (when the message reached it, the event's time), {@code
   * http_status}, {@code hubspot_body} (HubSpot's answer, as JSON when it was JSON) and {@code
   * failed_at}.
   */
  static ObjectNode json(DeadLetter d) {
    ObjectNode o =
        JsonBodies.MAPPER
            .createObjectNode()
            .put("event_id", d.eventId())
            .put("message_id", d.messageId())
            .put("status", d.change().status().name())
            .put("updated_at", MessageJson.time(d.change().at()))
            .put("http_status", d.httpStatus());
    o.set("hubspot_body", body(d.hubspotBody()));
    return o.put("failed_at", MessageJson.time(d.failedAt()));
  }

  private static JsonNode body(String text) {
    if (text == null) {
      return JsonBodies.MAPPER.nullNode();
    }
    try {
      JsonNode parsed = JsonBodies.MAPPER.readTree(text);
      return parsed == null ? JsonBodies.MAPPER.getNodeFactory().textNode(text) : parsed;
    } catch (JsonProcessingException e) {
      return JsonBodies.MAPPER.getNodeFactory().textNode(text);
    }
  }
}
