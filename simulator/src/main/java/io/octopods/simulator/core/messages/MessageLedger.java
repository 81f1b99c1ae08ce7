package io.octopods.simulator.core.messages;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every provider message the simulators of one process created, by provider id; and the send
 * attempts of each (recipient, correlation) pair, which choose the scenario's answer to the next
 * attempt of that pair.
 */
public final class MessageLedger {
  private final Map<String, SimulatedMessage> byId = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> attemptsByPair = new ConcurrentHashMap<>();
  private final AtomicLong arrivals = new AtomicLong();

  public long nextSeq() {
    return arrivals.incrementAndGet();
  }

  /**
   * Counts a send attempt to {@code to} and returns its number (1 = the first) among the attempts
   * with the same correlation; an attempt without correlation is always the first of its own.
   */
  public int countAttempt(String provider, String to, Optional<String> correlation) {
    if (correlation.isEmpty()) {
      return 1;
    }
    return attemptsByPair
        .computeIfAbsent(key(provider, to + '\u0000' + correlation.get()), k -> new AtomicInteger())
        .incrementAndGet();
  }

  public void add(SimulatedMessage m) {
    byId.put(key(m.provider(), m.providerMessageId()), m);
  }

  public Optional<SimulatedMessage> find(String provider, String providerMessageId) {
    return Optional.ofNullable(byId.get(key(provider, providerMessageId)));
  }

  /** A provider's messages in arrival order, optionally only those to one recipient. */
  public List<SimulatedMessage> list(String provider, Optional<String> to) {
    return byId.values().stream()
        .filter(m -> m.provider().equals(provider))
        .filter(m -> to.map(m.to()::equals).orElse(true))
        .sorted(Comparator.comparingLong(SimulatedMessage::seq))
        .toList();
  }

  /** Forgets a provider's messages and attempt counts. */
  public void reset(String provider) {
    byId.values().removeIf(m -> m.provider().equals(provider));
    attemptsByPair.keySet().removeIf(k -> k.startsWith(provider + '\u0000'));
  }

  private static String key(String provider, String id) {
    return provider + '\u0000' + id;
  }
}
