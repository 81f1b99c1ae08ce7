package io.octopods.service.application.ports;

import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where messages, their history, orphan reports and the outbox are kept. Nothing keeps status in
 * memory: any number of service instances can share one store.
 */
public interface MessageStore {
  /**
   * Runs work in one transaction and commits it; when it returns, what it wrote is durable. Throws
   * {@link StorageUnavailable} when the store cannot be reached or the commit fails.
   */
  <T> T inTransaction(Function<StoreTransaction, T> work);

  Optional<MessageRecord> find(String workspace, String messageId);

  /**
   * Newest first ({@code created_at}, then {@code message_id}); {@code UNKNOWN} includes {@code
   * QUEUED}.
   */
  MessagePage list(
      String workspace,
      Channel channel,
      Optional<Status> status,
      int limit,
      Optional<String> cursor);

  /** A message's history in the order received. */
  List<HistoryEvent> history(String messageId);

  /**
   * The provider ids of each message beyond its first ({@code provider_message_id}), in the order
   * learned: a provider created several messages for one of ours (a duplicate send). Messages
   * without any are left out.
   */
  Map<String, List<String>> otherProviderIds(Collection<String> messageIds);

  /** The answer given to the first request with this idempotency key, if any. */
  Optional<IdempotentAnswer> idempotentAnswer(String workspace, String key);

  PendingCounts pending();

  /** A page of messages and the cursor of the next one. */
  record MessagePage(List<MessageRecord> messages, Optional<String> nextCursor) {}

  /**
   * What is still to do: hand-offs, HubSpot pushes, orphan reports waiting for their message; and
   * the HubSpot events HubSpot refused for good (dead letters: kept, not pending).
   */
  record PendingCounts(long handoff, long hubspot, long orphans, long hubspotDead) {}

  /** A stored answer: the request's fingerprint, and the status and body sent back. */
  record IdempotentAnswer(String requestHash, int status, String body, String messageId) {}

  /**
   * An idempotency key already used in this workspace (a concurrent first request won); nothing was
   * stored.
   */
  final class IdempotencyKeyTaken extends RuntimeException {
    public IdempotencyKeyTaken() {
      super("idempotency key already used");
    }
  }

  /** The store could not be reached, or could not commit: nothing was stored. */
  final class StorageUnavailable extends RuntimeException {
    public StorageUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
