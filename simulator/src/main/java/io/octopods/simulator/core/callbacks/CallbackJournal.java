package io.octopods.simulator.core.callbacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Every callback attempt of the process, in firing order; listeners hear each one as it is written. */
public final class CallbackJournal {
  private final List<JournaledAttempt> attempts = new ArrayList<>();
  private final List<Consumer<JournaledAttempt>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final AtomicLong seq = new AtomicLong();

  long nextSeq() {
    return seq.incrementAndGet();
  }

  void record(JournaledAttempt attempt) {
    synchronized (attempts) {
      attempts.add(attempt);
    }
    listeners.forEach(l -> l.accept(attempt));
  }

  public void onAttempt(Consumer<JournaledAttempt> listener) {
    listeners.add(listener);
  }

  /** A provider's attempts, optionally of one message (provider id). */
  public List<JournaledAttempt> list(String provider, Optional<String> message) {
    synchronized (attempts) {
      return attempts.stream()
          .filter(a -> a.provider().equals(provider))
          .filter(a -> message.map(a.message()::equals).orElse(true))
          .toList();
    }
  }

  public void reset(String provider) {
    synchronized (attempts) {
      attempts.removeIf(a -> a.provider().equals(provider));
    }
  }

}
