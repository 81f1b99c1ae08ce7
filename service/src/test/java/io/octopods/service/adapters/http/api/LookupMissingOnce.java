package io.octopods.service.adapters.http.api;

import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.StoreTransaction;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The store as the API sees it when another request takes an idempotency key between the API's
 * look-up and its send: while {@code missOnce} is set, the next look-up of a kept answer finds
 * nothing.
 */
final class LookupMissingOnce implements MessageStore {
  private final MessageStore store;
  private final AtomicBoolean missOnce;

  LookupMissingOnce(MessageStore store, AtomicBoolean missOnce) {
    this.store = store;
    this.missOnce = missOnce;
  }

  @Override
  public Optional<IdempotentAnswer> idempotentAnswer(String workspace, String key) {
    return missOnce.getAndSet(false) ? Optional.empty() : store.idempotentAnswer(workspace, key);
  }

  @Override
  public <T> T inTransaction(Function<StoreTransaction, T> work) {
    return store.inTransaction(work);
  }

  @Override
  public Optional<MessageRecord> find(String workspace, String messageId) {
    return store.find(workspace, messageId);
  }

  @Override
  public MessagePage list(
      String workspace,
      Channel channel,
      Optional<Status> status,
      int limit,
      Optional<String> cursor) {
    return store.list(workspace, channel, status, limit, cursor);
  }

  @Override
  public List<HistoryEvent> history(String messageId) {
    return store.history(messageId);
  }

  @Override
  public Map<String, List<String>> otherProviderIds(Collection<String> messageIds) {
    return store.otherProviderIds(messageIds);
  }

  @Override
  public PendingCounts pending() {
    return store.pending();
  }
}
