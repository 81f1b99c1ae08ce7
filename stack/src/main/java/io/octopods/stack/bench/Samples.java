package io.octopods.stack.bench;

import java.util.Arrays;

/**
 * A growable list of durations in nanoseconds, one per thread, merged at the end; percentiles by
 * nearest rank.
 */
final class Samples {
  private long[] values = new long[1024];
  private int size;

  void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  synchronized void addAll(Samples other) {
    for (int i = 0; i < other.size; i++) {
      add(other.values[i]);
    }
  }

  synchronized int size() {
    return size;
  }

  /** The value at quantile {@code q} (0..1) in milliseconds; NaN when empty. */
  synchronized double ms(double q) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * size) - 1;
    return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e6;
  }

  synchronized double maxMs() {
    return size == 0 ? Double.NaN : Arrays.stream(values, 0, size).max().getAsLong() / 1e6;
  }
}
