package io.octopods.service.application.ports;

import java.time.Instant;

/**
 * Work to do after a commit, kept in the same transaction as the change that calls for it.
 *
 * @param kind {@code handoff} (send to the provider) or {@code hubspot} (push a timeline event)
 * @param payload what the worker needs beyond the message (the HubSpot event's status and time)
 */
public record OutboxItem(
    long seq, String kind, String messageId, String payload, Instant dueAt, int attempts) {
  public static final String HANDOFF = "handoff";
  public static final String HUBSPOT = "hubspot";

  public static OutboxItem newItem(String kind, String messageId, String payload, Instant dueAt) {
    return new OutboxItem(0, kind, messageId, payload, dueAt, 0);
  }
}
