package io.octopods.stack.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The sizes of the service's group transactions: group commit puts every report of a group in one
 * transaction, so history rows that share {@code xmin} were one group. Mean = rows / distinct
 * transactions.
 */
final class GroupSizes {
  private static final int[] BOUNDS = {1, 2, 4, 8, 16, 32, 64, 128};

  private final int[] sizes;

  GroupSizes(int[] sizes) {
    this.sizes = sizes.clone();
  }

  /**
   * Rows in first-seen order of their transaction, one list per transaction, each in the order
   * given.
   */
  static <T> List<List<T>> byTransaction(List<T> rows, ToLongFunction<T> transaction) {
    Map<Long, List<T>> groups = new LinkedHashMap<>();
    for (T row : rows) {
      groups.computeIfAbsent(transaction.applyAsLong(row), k -> new ArrayList<>()).add(row);
    }
    return new ArrayList<>(groups.values());
  }

  static GroupSizes of(List<? extends List<?>> groups) {
    return new GroupSizes(groups.stream().mapToInt(List::size).toArray());
  }

  int groups() {
    return sizes.length;
  }

  long rows() {
    return Arrays.stream(sizes).asLongStream().sum();
  }

  /** Rows per transaction; NaN without any. */
  double mean() {
    return sizes.length == 0 ? Double.NaN : (double) rows() / sizes.length;
  }

  /** The size at quantile {@code q}, by nearest rank; 0 without any. */
  int quantile(double q) {
    if (sizes.length == 0) {
      return 0;
    }
    int[] sorted = sizes.clone();
    Arrays.sort(sorted);
    return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
  }

  /**
   * Share of the rows that went in transactions of each size range, e.g. {@code 1: 3 %, 2-3: 10 %,
   * ...}.
   */
  String distribution() {
    long[] rowsIn = new long[BOUNDS.length];
    for (int size : sizes) {
      int b = 0;
      while (b + 1 < BOUNDS.length && size >= BOUNDS[b + 1]) {
        b++;
      }
      rowsIn[b] += size;
    }
    List<String> parts = new ArrayList<>();
    long all = Math.max(1, rows());
    for (int b = 0; b < BOUNDS.length; b++) {
      if (rowsIn[b] > 0) {
        String range =
            b + 1 == BOUNDS.length
                ? BOUNDS[b] + "+"
                : BOUNDS[b + 1] - 1 == BOUNDS[b]
                    ? String.valueOf(BOUNDS[b])
                    : BOUNDS[b] + "-" + (BOUNDS[b + 1] - 1);
        parts.add(String.format(Locale.ROOT, "%s: %.0f %%", range, 100.0 * rowsIn[b] / all));
      }
    }
    return String.join(", ", parts);
  }

  String describe() {
    return String.format(
        Locale.ROOT,
        "%d reports in %d transactions: mean %.2f per transaction, median %d, p90 %d, "
            + "largest %d; reports by the size of their transaction: %s",
        rows(),
        groups(),
        mean(),
        quantile(0.5),
        quantile(0.9),
        quantile(1.0),
        distribution());
  }
}
