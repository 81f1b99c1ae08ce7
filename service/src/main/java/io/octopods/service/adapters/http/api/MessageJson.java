package io.octopods.service.adapters.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.MessageStore.MessagePage;
import io.octopods.service.domain.Reason;
import io.octopods.service.domain.Status;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public API's JSON (api.md): the message resource, a page of them, and history events. Times
 * are RFC 3339 UTC with milliseconds and {@code Z}; {@code QUEUED} shows as {@code UNKNOWN}.
 */
final class MessageJson {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private MessageJson() {}

  static String time(Instant instant) {
    return TIME.format(instant);
  }

  /** The message resource of a message without other provider ids. */
  static ObjectNode message(MessageRecord m) {
    return message(m, List.of());
  }

  /**
   * The message resource.
   *
   * @param otherProviderIds the provider's ids of the message beyond its first (a duplicate send),
   *     in the order learned
   */
  static ObjectNode message(MessageRecord m, List<String> otherProviderIds) {
    ObjectNode o =
        JsonBodies.MAPPER
            .createObjectNode()
            .put("message_id", m.messageId())
            .put("channel", m.channel().path())
            .put("to", m.to())
            .put("provider", m.provider())
            .put("provider_message_id", m.providerMessageId().orElse(null));
    ArrayNode others = o.putArray("other_provider_message_ids");
    otherProviderIds.forEach(others::add);
    o.put("created_at", time(m.createdAt()));
    ObjectNode status =
        o.putObject("message_status")
            .put("message_status", m.status().publicName())
            .put("terminal", m.status().isTerminal())
            .put("updated_at", time(m.updatedAt()));
    if (m.failure().isPresent()) {
      status
          .putObject("failure_reason")
          .put("code", m.failure().get().code())
          .put("title", m.failure().get().title())
          .put("source", m.failure().get().source());
    } else {
      status.putNull("failure_reason");
    }
    return o;
  }

  /** The message resource as the text of an answer (also what an idempotency key keeps). */
  static String messageText(MessageRecord m) {
    return JsonBodies.write(message(m));
  }

  /** {@code {"data": [message, ...], "next_cursor": "..." or null}}. */
  static ObjectNode page(MessagePage page, Map<String, List<String>> otherProviderIds) {
    ObjectNode o = JsonBodies.MAPPER.createObjectNode();
    ArrayNode data = o.putArray("data");
    page.messages()
        .forEach(
            m -> data.add(message(m, otherProviderIds.getOrDefault(m.messageId(), List.of()))));
    o.put("next_cursor", page.nextCursor().orElse(null));
    return o;
  }

  /**
   * {@code {"data": [event, ...]}} in the order received.
   *
   * @param withRaw whether each event carries {@code raw} ({@code ?include=raw})
   */
  static ObjectNode history(List<HistoryEvent> events, boolean withRaw) {
    ObjectNode o = JsonBodies.MAPPER.createObjectNode();
    ArrayNode data = o.putArray("data");
    events.forEach(e -> data.add(withRaw ? eventWithRaw(e) : event(e)));
    return o;
  }

  /**
   * One history event with {@code raw}: the report's payload as the service kept it, or null where
   * nothing was kept (a send event keeps an empty payload).
   */
  static ObjectNode eventWithRaw(HistoryEvent e) {
    String raw = e.rawPayload();
    return event(e).put("raw", raw == null || raw.isEmpty() ? null : raw);
  }

  /**
   * One history event: api.md's fields, plus {@code applied_at} (when an orphan was adopted and
   * applied, else null) and {@code detail} (what happened where the other fields cannot say it,
   * else null).
   */
  static ObjectNode event(HistoryEvent e) {
    ObjectNode o =
        JsonBodies.MAPPER
            .createObjectNode()
            .put("event_id", e.eventId())
            .put("received_at", time(e.receivedAt()))
            .put("applied_at", optionalTime(e.appliedAt()))
            .put("source", e.source())
            .put("provider_status", e.providerStatus().orElse(null))
            .put("provider_timestamp", optionalTime(e.providerTimestamp()))
            .put("mapped_status", e.mappedStatus().map(Status::publicName).orElse(null))
            .put("applied", e.applied())
            .put("reason", e.reason().map(Reason::word).orElse(null));
    if (e.errorCode().isPresent() || e.errorTitle().isPresent()) {
      o.putObject("error")
          .put("code", e.errorCode().orElse(null))
          .put("title", e.errorTitle().orElse(null));
    } else {
      o.putNull("error");
    }
    o.put("detail", e.detail().orElse(null));
    return o;
  }

  private static String optionalTime(Optional<Instant> instant) {
    return instant.map(MessageJson::time).orElse(null);
  }
}
