package io.octopods.service.application;

import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

/**
 * Group commit: the work of concurrent callers shares one store transaction, so that many
 * concurrent callbacks cost one commit instead of one each. A caller returns only once the
 * transaction holding its work has committed (its reports are durable), or throws as it would have
 * alone.
 *
 * <p>At most {@code slots} group transactions run at once. A caller that finds a free slot leads:
 * it takes every waiting piece of work (up to {@code maxGroup}, its own included), applies them in
 * arrival order in one transaction, commits, and wakes their callers. A caller that finds every
 * slot busy waits for a leader to take its work; a leader that leaves wakes the next waiter, so
 * work is never stranded. Under light load every caller leads a group of one: no added latency.
 *
 * <p>When a group's transaction fails (a bad report, a deadlock, the database gone), nothing of it
 * was stored, and each of its callers runs its own work again alone, in its own thread: one bad
 * callback fails only itself. A group of one that fails throws its failure to its caller at once.
 *
 * @param <W> one caller's work
 */
final class GroupCommit<W> {
  private final MessageStore store;
  private final BiConsumer<StoreTransaction, List<W>> step;
  private final int maxGroup;
  private final Semaphore slots;
  private final ConcurrentLinkedQueue<Pending<W>> waiting = new ConcurrentLinkedQueue<>();

  /**
   * @param step applies a group of work, in arrival order, inside one transaction (a group of one
   *     when alone); it should lock the rows it needs in one global order first, so that concurrent
   *     groups cannot deadlock
   */
  GroupCommit(
      MessageStore store, BiConsumer<StoreTransaction, List<W>> step, int slots, int maxGroup) {
    if (slots < 1 || maxGroup < 1) {
      throw new IllegalArgumentException("slots and maxGroup must be at least 1");
    }
    this.store = store;
    this.step = step;
    this.slots = new Semaphore(slots);
    this.maxGroup = maxGroup;
  }

  /** Applies the work and returns once it is committed; throws what its transaction threw. */
  void run(W work) {
    Pending<W> mine = new Pending<>(work, Thread.currentThread());
    waiting.add(mine);
    while (mine.outcome == null) {
      boolean led = false;
      if (slots.tryAcquire()) {
        try {
          led = mine.outcome == null && lead();
        } finally {
          slots.release();
          wakeNextWaiter();
        }
      }
      if (!led && mine.outcome == null) {
        // every slot busy, or this work is in another leader's group: woken when a leader completes
        // it or leaves
        // its slot (the timeout is only a safety net); never spin
        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(50));
      }
    }
    if (mine.outcome == Outcome.FAILED) {
      throw mine.failure;
    }
    if (mine.outcome == Outcome.GROUP_FAILED) {
      store.inTransaction(
          tx -> {
            step.accept(tx, List.of(work));
            return null;
          });
    }
  }

  /** Takes the waiting work and commits it as one group; false when there was none. */
  private boolean lead() {
    List<Pending<W>> group = new ArrayList<>();
    for (Pending<W> p; group.size() < maxGroup && (p = waiting.poll()) != null; ) {
      group.add(p);
    }
    if (group.isEmpty()) {
      return false;
    }
    List<W> works = group.stream().map(p -> p.work).toList();
    Outcome outcome = Outcome.COMMITTED;
    RuntimeException failure = null;
    try {
      store.inTransaction(
          tx -> {
            step.accept(tx, works);
            return null;
          });
    } catch (RuntimeException
        | Error e) { // an Error too: the callers waiting on this group must not hang
      outcome = group.size() == 1 ? Outcome.FAILED : Outcome.GROUP_FAILED;
      failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
    for (Pending<W> p : group) {
      p.failure = failure;
      p.outcome = outcome;
      LockSupport.unpark(p.caller);
    }
    return true;
  }

  /** Work waiting for a group (for tests). */
  int waiting() {
    return waiting.size();
  }

  private void wakeNextWaiter() {
    Pending<W> next = waiting.peek();
    if (next != null) {
      LockSupport.unpark(next.caller);
    }
  }

  /**
   * Committed; failed alone (the caller throws its failure); failed in a group (the caller runs it
   * alone).
   */
  private enum Outcome {
    COMMITTED,
    FAILED,
    GROUP_FAILED
  }

  private static final class Pending<W> {
    final W work;
    final Thread caller;
    RuntimeException failure; // written before outcome, read after it
    volatile Outcome outcome;

    Pending(W work, Thread caller) {
      this.work = work;
      this.caller = caller;
    }
  }
}
