package io.octopods.stack.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * An open-loop phase's answers by the second they were due in: how many, how many slower than
 * {@link #SLOW_MS} (the goal for the p99 at 80 %), and the slowest; the phase's seconds start at
 * {@code startWallMs}.
 */
final class SecondTally {
  static final double SLOW_MS = 50;

  final long startWallMs;
  private final AtomicLongArray count;
  private final AtomicLongArray slow;
  private final AtomicLongArray maxNanos;

  SecondTally(long startWallMs, int seconds) {
    this.startWallMs = startWallMs;
    this.count = new AtomicLongArray(seconds);
    this.slow = new AtomicLongArray(seconds);
    this.maxNanos = new AtomicLongArray(seconds);
  }

  void add(int second, long latencyNanos) {
    int s = Math.max(0, Math.min(count.length() - 1, second));
    count.incrementAndGet(s);
    if (latencyNanos > SLOW_MS * 1e6) {
      slow.incrementAndGet(s);
    }
    maxNanos.accumulateAndGet(s, latencyNanos, Math::max);
  }

  int seconds() {
    return count.length();
  }

  long count(int second) {
    return count.get(second);
  }

  long slow(int second) {
    return slow.get(second);
  }

  double maxMs(int second) {
    return maxNanos.get(second) / 1e6;
  }
}
