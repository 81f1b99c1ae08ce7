package io.octopods.service.adapters.surfaces;

import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.StoreTransaction;
import io.octopods.service.application.ports.SurfaceQueries;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Messages in memory, for unit tests of the surfaces' pure parts: the reads the canvases make,
 * nothing else.
 */
public final class InMemoryMessages implements SurfaceQueries, MessageStore {
  private final List<MessageRecord> all = new ArrayList<>();
  private final List<String> looked = new ArrayList<>();

  public void add(MessageRecord m) {
    all.add(m);
  }

  /** The message ids {@link #find} was asked for, in order. */
  public List<String> looked() {
    return List.copyOf(looked);
  }

  @Override
  public List<MessageRecord> byContactEmail(String workspace, String email, int limit) {
    return newest(
        workspace, m -> m.contactEmail().map(e -> e.equalsIgnoreCase(email)).orElse(false), limit);
  }

  @Override
  public List<MessageRecord> byRecipient(String workspace, String phone, int limit) {
    return newest(workspace, m -> m.to().equals(phone), limit);
  }

  private List<MessageRecord> newest(
      String workspace, Function<MessageRecord, Boolean> match, int limit) {
    return all.stream()
        .filter(m -> m.workspace().equals(workspace) && match.apply(m))
        .sorted(Comparator.comparing(MessageRecord::createdAt).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<MessageRecord> find(String workspace, String messageId) {
    looked.add(messageId);
    return all.stream()
        .filter(m -> m.workspace().equals(workspace) && m.messageId().equals(messageId))
        .findFirst();
  }

  @Override
  public <T> T inTransaction(Function<StoreTransaction, T> work) {
    throw new UnsupportedOperationException("the canvases only read");
  }

  @Override
  public MessagePage list(
      String workspace,
      Channel channel,
      Optional<Status> status,
      int limit,
      Optional<String> cursor) {
    throw new UnsupportedOperationException("the canvases do not list");
  }

  @Override
  public List<HistoryEvent> history(String messageId) {
    throw new UnsupportedOperationException("the canvases show no history");
  }

  @Override
  public Map<String, List<String>> otherProviderIds(Collection<String> messageIds) {
    throw new UnsupportedOperationException("the canvases show no provider ids");
  }

  @Override
  public Optional<IdempotentAnswer> idempotentAnswer(String workspace, String key) {
    throw new UnsupportedOperationException("the canvases do not send");
  }

  @Override
  public PendingCounts pending() {
    throw new UnsupportedOperationException("the canvases do not count");
  }
}
