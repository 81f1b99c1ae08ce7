package io.octopods.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.Times;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * One timeline event as the simulator keeps it; absent fields are null and left out of every view.
 *
 * @param timestamp when the event happened (the request's, or now on the scenario clock)
 * @param receivedAt when the simulator stored it, on the scenario clock
 */
record TimelineEvent(
    String id,
    String eventTemplateId,
    String email,
    String objectId,
    String utk,
    String domain,
    Instant timestamp,
    ObjectNode tokens,
    JsonNode extraData,
    JsonNode timelineIFrame,
    Instant receivedAt) {

  TimelineEvent withObjectId(String resolved) {
    return new TimelineEvent(
        id,
        eventTemplateId,
        email,
        resolved,
        utk,
        domain,
        timestamp,
        tokens,
        extraData,
        timelineIFrame,
        receivedAt);
  }

  /** HubSpot's answer to a create or a read: {@code {"objectType":"contacts","id",...}}. */
  ObjectNode wire() {
    ObjectNode o = Json.object().put("objectType", "contacts");
    common(o);
    put(o, "utk", utk);
    put(o, "domain", domain);
    if (timelineIFrame != null) {
      o.set("timelineIFrame", timelineIFrame);
    }
    o.put("createdAt", iso(receivedAt));
    return o;
  }

  /** One item of {@code GET /__sim/hubspot/timeline}. */
  ObjectNode admin() {
    ObjectNode o = Json.object();
    common(o);
    o.put("received_at", Times.rfc3339(receivedAt));
    return o;
  }

  private void common(ObjectNode o) {
    o.put("id", id).put("eventTemplateId", eventTemplateId);
    put(o, "email", email);
    put(o, "objectId", objectId);
    o.put("timestamp", iso(timestamp));
    o.set("tokens", tokens.deepCopy());
    if (extraData != null) {
      o.set("extraData", extraData);
    }
  }

  /**
   * ISO 8601 in UTC, fractions only as given: a timestamp sent as {@code ...:47Z} comes back as
   * {@code ...:47Z}.
   */
  static String iso(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static void put(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }
}
