package io.octopods.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.clock.ScenarioClock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one timeline event request ({@code eventTemplateId}, {@code tokens}, {@code email}/{@code
 * objectId}/{@code utk}, {@code id}, {@code timestamp}, {@code extraData}, {@code timelineIFrame});
 * refuses it as HubSpot would, naming the field.
 */
final class TimelineEventReader {
  private static final Pattern UUID_PLACEHOLDER = Pattern.compile(Pattern.quote("{{uuid}}"));
  private static final List<DateTimeFormatter> ISO =
      List.of(
          DateTimeFormatter.ISO_OFFSET_DATE_TIME,
          new DateTimeFormatterBuilder()
              .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
              .appendOffset("+HHMM", "Z")
              .toFormatter());

  private final String eventTemplateId;
  private final ScenarioClock clock;

  TimelineEventReader(String eventTemplateId, ScenarioClock clock) {
    this.eventTemplateId = eventTemplateId;
    this.clock = clock;
  }

  /**
   * The JSON object of a request body; refused with {@code 400 VALIDATION_ERROR} when it is not
   * one.
   */
  static JsonNode body(String text) {
    JsonNode node;
    try {
      node = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw HubSpotErrors.Refused.invalid(null, "Invalid input JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw HubSpotErrors.Refused.invalid(
          null, "Invalid input JSON: the body must be a JSON object");
    }
    return node;
  }

  /**
   * One event, stamped as received now; throws {@link HubSpotErrors.Refused} naming what is wrong.
   */
  TimelineEvent read(JsonNode in) {
    if (in == null || !in.isObject()) {
      throw HubSpotErrors.Refused.invalid(null, "Each event must be a JSON object");
    }
    String template = required(in, "eventTemplateId");
    if (!template.equals(eventTemplateId)) {
      throw new HubSpotErrors.Refused(
          404,
          HubSpotErrors.error(
              "Event template "
                  + template
                  + " was not found; this simulator knows event template "
                  + eventTemplateId
                  + " (GET /__sim/info lists it as credentials.event_template_id)",
              HubSpotErrors.NOT_FOUND));
    }
    ObjectNode tokens = tokens(in.get("tokens"));
    String email = optional(in, "email");
    String objectId = optional(in, "objectId");
    String utk = optional(in, "utk");
    if (email == null && objectId == null && utk == null) {
      throw HubSpotErrors.Refused.invalid(
          "email",
          "email or objectId is required: the event must name the contact whose timeline it goes to");
    }
    Instant now = clock.now();
    return new TimelineEvent(
        id(optional(in, "id")),
        template,
        email,
        objectId,
        utk,
        optional(in, "domain"),
        timestamp(in.get("timestamp"), now),
        tokens,
        present(in.get("extraData")),
        present(in.get("timelineIFrame")),
        now);
  }

  private static String id(String given) {
    if (given == null) {
      return UUID.randomUUID().toString();
    }
    Matcher m = UUID_PLACEHOLDER.matcher(given);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, UUID.randomUUID().toString());
    }
    return m.appendTail(b).toString();
  }

  private static ObjectNode tokens(JsonNode node) {
    if (node == null || node.isNull()) {
      throw HubSpotErrors.Refused.invalid(
          "tokens", "tokens is required: an object of template token names to values");
    }
    if (!node.isObject()) {
      throw HubSpotErrors.Refused.invalid(
          "tokens", "tokens must be an object of template token names to values");
    }
    ObjectNode strings = Json.object();
    node.fields().forEachRemaining(e -> strings.put(e.getKey(), text(e.getValue())));
    return strings;
  }

  /**
   * Token values come back as strings: scalars as their text, objects and arrays as JSON, null as
   * empty.
   */
  private static String text(JsonNode value) {
    if (value.isNull()) {
      return "";
    }
    return value.isContainerNode() ? Json.write(value) : value.asText();
  }

  private static Instant timestamp(JsonNode node, Instant now) {
    if (node == null || node.isNull()) {
      return now;
    }
    if (node.isIntegralNumber()) {
      return Instant.ofEpochMilli(node.longValue());
    }
    for (DateTimeFormatter f : ISO) {
      try {
        return OffsetDateTime.parse(node.asText(), f).toInstant();
      } catch (DateTimeParseException e) {
        // try the next spelling
      }
    }
    throw HubSpotErrors.Refused.invalid(
        "timestamp",
        "timestamp '"
            + node.asText()
            + "' is not an ISO 8601 date-time with a zone; send e.g. 2020-01-30T17:42:10.276Z, or leave it out for now");
  }

  private static String required(JsonNode in, String field) {
    String value = optional(in, field);
    if (value == null) {
      throw HubSpotErrors.Refused.invalid(field, field + " is required");
    }
    return value;
  }

  private static String optional(JsonNode in, String field) {
    JsonNode n = in.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isValueNode()) {
      throw HubSpotErrors.Refused.invalid(field, field + " must be a string");
    }
    return n.asText().isEmpty() ? null : n.asText();
  }

  private static JsonNode present(JsonNode node) {
    return node == null || node.isNull() ? null : node;
  }
}
