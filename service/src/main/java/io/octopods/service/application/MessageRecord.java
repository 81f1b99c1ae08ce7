package io.octopods.service.application;

import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One message as stored: what was sent, its current status, when each status was reached, and the
 * failure reason set by the first applied {@code FAILED}.
 *
 * @param reached when each status was reached; a status skipped by a higher report is not in it
 */
public record MessageRecord(
    String messageId,
    String workspace,
    Channel channel,
    String to,
    String body,
    Optional<String> contactEmail,
    Optional<String> providerMessageId,
    Status status,
    Instant createdAt,
    Instant updatedAt,
    Optional<FailureReason> failure,
    Map<Status, Instant> reached) {

  public MessageRecord {
    reached = reached.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(reached));
  }

  public String provider() {
    return channel.provider();
  }

  /** The record after a status change at {@code at}. */
  public MessageRecord movedTo(Status next, Instant at, boolean publicChange) {
    Map<Status, Instant> r = new EnumMap<>(Status.class);
    r.putAll(reached);
    r.putIfAbsent(next, at);
    return new MessageRecord(
        messageId,
        workspace,
        channel,
        to,
        body,
        contactEmail,
        providerMessageId,
        next,
        createdAt,
        publicChange ? at : updatedAt,
        failure,
        r);
  }

  public MessageRecord withFailure(FailureReason reason) {
    return failure.isPresent()
        ? this
        : new MessageRecord(
            messageId,
            workspace,
            channel,
            to,
            body,
            contactEmail,
            providerMessageId,
            status,
            createdAt,
            updatedAt,
            Optional.of(reason),
            reached);
  }

  public MessageRecord withProviderMessageId(String id) {
    return new MessageRecord(
        messageId,
        workspace,
        channel,
        to,
        body,
        contactEmail,
        Optional.of(id),
        status,
        createdAt,
        updatedAt,
        failure,
        reached);
  }
}
