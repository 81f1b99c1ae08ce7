package io.octopods.service.application;

import io.octopods.service.domain.Reason;
import io.octopods.service.domain.Status;
import java.time.Instant;
import java.util.Optional;

/**
 * One status item received for a message, applied or not (api.md, history event).
 *
 * @param source {@code send}, {@code callback} or {@code reconciliation}
 * @param appliedAt for an orphan adopted later: when it was applied
 * @param detail what happened, where the other fields cannot say it (a hand-off time-out, a retry)
 */
public record HistoryEvent(
    String eventId,
    String messageId,
    Instant receivedAt,
    Optional<Instant> appliedAt,
    String source,
    Optional<String> providerStatus,
    Optional<Instant> providerTimestamp,
    Optional<Status> mappedStatus,
    boolean applied,
    Optional<Reason> reason,
    Optional<String> errorCode,
    Optional<String> errorTitle,
    Optional<String> detail,
    String rawPayload) {}
