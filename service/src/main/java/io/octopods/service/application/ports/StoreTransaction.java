package io.octopods.service.application.ports;

import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.IncomingReport;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What one transaction can do. A locked message stays locked until the transaction ends. */
public interface StoreTransaction {
  void insert(MessageRecord message);

  /**
   * Reads a message by our id without locking it (a transaction that only reads commits without a
   * disk write).
   */
  Optional<MessageRecord> read(String messageId);

  /** Locks a message by our id; empty when there is none. */
  Optional<MessageRecord> lock(String messageId);

  /**
   * Locks, in the order of our ids, every message named by one of {@code messageIds} or by a
   * provider's id ({@code providerMessageIds} by provider name; a message's first id or one of its
   * others). Transactions that take their locks this way first cannot deadlock on these messages;
   * names no message has are passed over.
   */
  void lockInOrder(Set<String> messageIds, Map<String, Set<String>> providerMessageIds);

  /**
   * Locks a message by a provider's id, its first or one of its others ({@link
   * #addOtherProviderId}); empty when no message has it (yet).
   */
  Optional<MessageRecord> lockByProviderId(Channel channel, String providerMessageId);

  /**
   * Keeps another provider id for a message that has one already: the provider created a second
   * message for ours (a duplicate send), and its reports are to find ours.
   */
  void addOtherProviderId(MessageRecord message, String providerMessageId, Instant learnedAt);

  /**
   * Writes status, {@code updated_at}, the reached times, the failure reason and the provider id.
   */
  void update(MessageRecord message);

  void append(HistoryEvent event);

  /** Keeps a report no message has (yet), answered 200; applied when its id appears. */
  void keepOrphan(IncomingReport report, String eventId, Instant receivedAt);

  /** Takes the orphans waiting for a provider id, oldest first, and marks them adopted. */
  List<Orphan> adoptOrphans(Channel channel, String providerMessageId, Instant adoptedAt);

  void enqueue(OutboxItem item);

  /** Remembers the answer to an idempotent request (the key is unique per workspace). */
  void rememberAnswer(String workspace, String key, MessageStore.IdempotentAnswer answer);

  /** A report kept before its message was known. */
  record Orphan(String eventId, IncomingReport report, Instant receivedAt) {}
}
