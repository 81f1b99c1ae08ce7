package io.octopods.simulator.core.callbacks;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The callback attempts of the process, in firing order, the newest {@value #DEFAULT_CAPACITY} by
 * default (a long-running simulator forgets the oldest, so its memory stays bounded); listeners
 * hear each one as it is written.
 */
public final class CallbackJournal {
  public static final int DEFAULT_CAPACITY = 100_000;

  private final int capacity;
  private final ArrayDeque<JournaledAttempt> attempts = new ArrayDeque<>();
  private final List<Consumer<JournaledAttempt>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong seq = new AtomicLong();

  public CallbackJournal() {
    this(DEFAULT_CAPACITY);
  }

  public CallbackJournal(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a journal keeps at least one attempt: " + capacity);
    }
    this.capacity = capacity;
  }

  long nextSeq() {
    return seq.incrementAndGet();
  }

  void record(JournaledAttempt attempt) {
    synchronized (attempts) {
      if (attempts.size() == capacity) {
        attempts.removeFirst();
      }
      attempts.addLast(attempt);
    }
    listeners.forEach(l -> l.accept(attempt));
  }

  public void onAttempt(Consumer<JournaledAttempt> listener) {
    listeners.add(listener);
  }

  /** A provider's attempts still kept, oldest first, optionally of one message (provider id). */
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
