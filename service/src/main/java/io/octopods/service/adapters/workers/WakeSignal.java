package io.octopods.service.adapters.workers;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * How a {@link BackgroundLoop} sleeps between passes and is woken early: {@link #wake()} from any
 * thread.
 */
final class WakeSignal {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition nudged = lock.newCondition();
  private boolean woken;

  /** Ends the current (or next) wait at once. Cheap; safe from any thread. */
  void wake() {
    lock.lock();
    try {
      woken = true;
      nudged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until woken, until {@code timeout} has passed, or until {@code keepWaiting} says no;
   * returns false when the thread was interrupted (its interrupt flag is set again).
   */
  boolean await(Duration timeout, BooleanSupplier keepWaiting) {
    lock.lock();
    try {
      long nanos = timeout.toNanos();
      while (!woken && keepWaiting.getAsBoolean() && nanos > 0) {
        nanos = nudged.awaitNanos(nanos);
      }
      woken = false;
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }
}
