package io.octopods.service.adapters.surfaces.hubspot;

import io.octopods.service.application.FailureReason;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One timeline event for a contact: a message reached a public status at a time (api.md, Surfaces).
 * Its id, {@code <message_id>-<STATUS>}, is the same on every retry, so HubSpot never stores it
 * twice.
 *
 * @param status the public status of the change (never {@code QUEUED})
 * @param updatedAt when the message reached it (the {@code updated_at} of that change)
 * @param failureReason {@code ""}, or for {@code FAILED} the stored reason as {@code "30003:
 *     Unreachable destination handset"}
 */
public record HubSpotEvent(
    String email,
    String messageId,
    Channel channel,
    Status status,
    Instant updatedAt,
    String failureReason) {
  /** RFC 3339 in UTC with milliseconds and {@code Z}, as the API writes {@code updated_at}. */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public HubSpotEvent {
    status = status.publicStatus();
  }

  /** The event for one change of {@code message}, read from the store at push time. */
  public static HubSpotEvent of(
      MessageRecord message, String email, Status status, Instant updatedAt) {
    String reason =
        status == Status.FAILED ? message.failure().map(HubSpotEvent::describe).orElse("") : "";
    return new HubSpotEvent(
        email, message.messageId(), message.channel(), status, updatedAt, reason);
  }

  /** {@code "<code>: <title>"}, or the title alone when there is no code. */
  static String describe(FailureReason f) {
    String title = f.title() == null ? "" : f.title();
    if (f.code() == null || f.code().isBlank()) {
      return title;
    }
    return title.isEmpty() ? f.code() : f.code() + ": " + title;
  }

  /**
   * {@code <message_id>-<STATUS>}: one event per message and public status, whatever the number of
   * retries.
   */
  public String id() {
    return messageId + "-" + status.name();
  }

  /** {@code updated_at} as RFC 3339 with milliseconds. */
  public String time() {
    return TIME.format(updatedAt);
  }

  /** The template tokens, all strings. */
  public Map<String, String> tokens() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("message_id", messageId);
    t.put("channel", channel.path());
    t.put("status", status.name());
    t.put("updated_at", time());
    t.put("failure_reason", failureReason == null ? "" : failureReason);
    return t;
  }
}
