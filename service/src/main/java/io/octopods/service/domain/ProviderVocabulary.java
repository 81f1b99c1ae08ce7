package io.octopods.service.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The provider words of one channel and what they map to: the table of status-model.md, section 4.
 * Case-insensitive on the word; any other word (new, empty, {@code null}) is unmapped.
 */
public final class ProviderVocabulary {

  private static final Map<Channel, ProviderVocabulary> BY_CHANNEL = new EnumMap<>(Channel.class);

  static {
    BY_CHANNEL.put(
        Channel.SMS,
        new ProviderVocabulary(Channel.SMS)
            .word("accepted", Status.SENT)
            .word("scheduled", Status.SENT)
            .word("queued", Status.SENT)
            .word("sending", Status.SENT)
            .word("sent", Status.SENT)
            .word("delivered", Status.DELIVERED)
            .channelProof("read")
            .word("undelivered", Status.FAILED)
            .word("failed", Status.FAILED)
            .word("canceled", Status.FAILED));
    BY_CHANNEL.put(
        Channel.WHATSAPP,
        new ProviderVocabulary(Channel.WHATSAPP)
            .word("sent", Status.SENT)
            .word("delivered", Status.DELIVERED)
            .word("read", Status.READ)
            .word("played", Status.READ)
            .word("deleted", Status.DELETED)
            .word("undelivered", Status.FAILED)
            .word("failed", Status.FAILED));
    BY_CHANNEL.put(
        Channel.VIBER,
        new ProviderVocabulary(Channel.VIBER)
            .word("delivered", Status.DELIVERED)
            .channelProof("seen")
            .word("undelivered", Status.FAILED)
            .word("failed", Status.FAILED)
            .word("expired", Status.FAILED));
  }

  private final Channel channel;
  private final Map<String, MappedWord> words = new LinkedHashMap<>();

  private ProviderVocabulary(Channel channel) {
    this.channel = channel;
  }

  /** The vocabulary of a channel's provider. */
  public static ProviderVocabulary of(Channel channel) {
    return BY_CHANNEL.get(channel);
  }

  /** The channel whose provider speaks these words. */
  public Channel channel() {
    return channel;
  }

  /** What the word means, or empty when this service does not know it; never throws. */
  public Optional<MappedWord> map(String providerWord) {
    if (providerWord == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(words.get(providerWord.trim().toLowerCase(Locale.ROOT)));
  }

  /** Every known word, in lower case, in the order of the table. */
  public Set<String> words() {
    return Collections.unmodifiableSet(words.keySet());
  }

  private ProviderVocabulary word(String word, Status status) {
    words.put(word, new MappedWord(status, false));
    return this;
  }

  private ProviderVocabulary channelProof(String word) {
    words.put(word, new MappedWord(Status.DELIVERED, true));
    return this;
  }
}
