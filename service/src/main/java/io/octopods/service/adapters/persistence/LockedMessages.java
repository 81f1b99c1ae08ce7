package io.octopods.service.adapters.persistence;

import io.octopods.service.application.MessageRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The messages one transaction holds locked, as it last wrote them, so that a group of reports
 * reads each of its messages once; the changed ones are written back together just before the
 * commit.
 */
final class LockedMessages {
  private final Map<String, MessageRecord> byId = new HashMap<>();
  private final Map<String, String> idByProviderId = new HashMap<>();
  private final Map<String, MessageRecord> unwritten = new LinkedHashMap<>();

  /** A message just locked (or inserted) by this transaction. */
  void held(MessageRecord message) {
    byId.put(message.messageId(), message);
    message
        .providerMessageId()
        .ifPresent(
            id -> idByProviderId.put(key(message.channel().provider(), id), message.messageId()));
  }

  /** A held message's new state, to be written before the commit. */
  void changed(MessageRecord message) {
    held(message);
    unwritten.put(message.messageId(), message);
  }

  Optional<MessageRecord> byId(String messageId) {
    return Optional.ofNullable(byId.get(messageId));
  }

  Optional<MessageRecord> byProviderId(String provider, String providerMessageId) {
    return Optional.ofNullable(idByProviderId.get(key(provider, providerMessageId))).map(byId::get);
  }

  /** The changed messages in the order of their first change; forgotten once returned. */
  Collection<MessageRecord> takeUnwritten() {
    Collection<MessageRecord> changes = new ArrayList<>(unwritten.values());
    unwritten.clear();
    return changes;
  }

  private static String key(String provider, String providerMessageId) {
    return provider + '\n' + providerMessageId;
  }
}
