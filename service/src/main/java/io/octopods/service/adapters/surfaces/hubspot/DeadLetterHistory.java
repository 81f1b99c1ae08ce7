package io.octopods.service.adapters.surfaces.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.application.HistoryEvent;
import io.octopods.service.domain.Reason;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The history event that records a dead letter in its message's history (api.md, history event):
 * source {@code hubspot}, {@code applied: false}, reason {@code dead_letter}, the event's public
 * status as {@code mapped_status}, HubSpot's status as {@code provider_status}, its error category
 * and message as {@code error}, and its answer as the raw payload.
 */
final class DeadLetterHistory {
  static final String SOURCE = "hubspot";
  static final String DEAD_LETTERS = "/api/v1/surfaces/hubspot/dead-letters";

  private DeadLetterHistory() {}

  static HistoryEvent of(HubSpotEvent event, PushOutcome.Refused refused, Instant at) {
    JsonNode answer = HubSpotAnswers.parse(refused.body());
    String category = answer.path("category").asText("");
    String message = answer.path("message").asText("");
    return new HistoryEvent(
        UUID.randomUUID().toString(),
        event.messageId(),
        at,
        Optional.empty(),
        SOURCE,
        Optional.of(String.valueOf(refused.status())),
        Optional.empty(),
        Optional.of(event.status()),
        false,
        Optional.of(Reason.DEAD_LETTER),
        Optional.of(category.isEmpty() ? String.valueOf(refused.status()) : category),
        Optional.of(clip(message.isEmpty() ? refused.why() : message)),
        Optional.of(
            "HubSpot refused timeline event "
                + event.id()
                + " for good (HTTP "
                + refused.status()
                + "); it is "
                + "kept as a dead letter: POST "
                + DEAD_LETTERS
                + "/"
                + event.id()
                + "/retry queues it again"),
        refused.body());
  }

  private static String clip(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 2000);
  }
}
