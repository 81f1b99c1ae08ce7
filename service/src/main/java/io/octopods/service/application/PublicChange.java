package io.octopods.service.application;

import io.octopods.service.domain.Status;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One change of a message's public status, as a HubSpot outbox item carries it: {@code "<STATUS>
 * <ISO instant>"}. Every such item is one timeline event ({@code <message_id>-<STATUS>}) whose time
 * is {@code at}, so HubSpot's timeline reads in status order however late an event is pushed.
 *
 * @param status the public status reached ({@code QUEUED} reads as {@code UNKNOWN})
 * @param at when the message reached it (its {@code updated_at} then)
 */
public record PublicChange(Status status, Instant at) {
  public PublicChange {
    status = status.publicStatus();
  }

  /** The outbox payload of this change. */
  public String payload() {
    return status.name() + " " + at;
  }

  /** The change an outbox payload names; empty when it names none. */
  public static Optional<PublicChange> parse(String payload) {
    if (payload == null) {
      return Optional.empty();
    }
    String[] parts = payload.trim().split("\\s+");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PublicChange(Status.valueOf(parts[0]), Instant.parse(parts[1])));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
