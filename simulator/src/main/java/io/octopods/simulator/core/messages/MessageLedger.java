package io.octopods.simulator.core.messages;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Every message the simulators of one process have received, by provider id and by correlation. */
public final class MessageLedger {
  private final Map<String, SimulatedMessage> byId = new ConcurrentHashMap<>();
  private final Map<String, SimulatedMessage> byCorrelation = new ConcurrentHashMap<>();
  private final AtomicLong arrivals = new AtomicLong();

  public long nextSeq() {
    return arrivals.incrementAndGet();
  }

  public void add(SimulatedMessage m) {
    byId.put(key(m.provider(), m.providerMessageId()), m);
    m.correlation().ifPresent(c -> byCorrelation.put(key(m.provider(), c), m));
  }

  public Optional<SimulatedMessage> find(String provider, String providerMessageId) {
    return Optional.ofNullable(byId.get(key(provider, providerMessageId)));
  }

  public Optional<SimulatedMessage> byCorrelation(String provider, String correlation) {
    return Optional.ofNullable(byCorrelation.get(key(provider, correlation)));
  }

  /** A provider's messages in arrival order, optionally only those to one recipient. */
  public List<SimulatedMessage> list(String provider, Optional<String> to) {
    return byId.values().stream()
        .filter(m -> m.provider().equals(provider))
        .filter(m -> to.map(m.to()::equals).orElse(true))
        .sorted(Comparator.comparingLong(SimulatedMessage::seq))
        .toList();
  }

  public void reset(String provider) {
    byId.values().removeIf(m -> m.provider().equals(provider));
    byCorrelation.values().removeIf(m -> m.provider().equals(provider));
  }

  private static String key(String provider, String id) {
    return provider + '\u0000' + id;
  }
}
