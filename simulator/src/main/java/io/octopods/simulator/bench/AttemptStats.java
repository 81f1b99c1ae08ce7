package io.octopods.simulator.bench;

import io.octopods.simulator.core.callbacks.JournaledAttempt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of the benchmark's numbers: ranks of sorted samples, times as seconds or nanos,
 * failures.
 */
final class AttemptStats {
  private AttemptStats() {}

  /** The value at rank {@code p} (0..1) of an ascending array, nearest-rank. */
  static long rank(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }

  static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /** Failed attempts by outcome and response code, e.g. {@code timeout x1, answered 503 x2}. */
  static String failures(List<JournaledAttempt> attempts) {
    Map<String, Long> byKind = new TreeMap<>();
    attempts.stream()
        .filter(a -> !a.delivered())
        .forEach(
            a ->
                byKind.merge(
                    a.outcome().word()
                        + (a.responseCode() == null ? "" : " " + a.responseCode())
                        + " after "
                        + a.latencyMs()
                        + " ms",
                    1L,
                    Long::sum));
    StringBuilder out = new StringBuilder();
    byKind.forEach(
        (k, n) -> out.append(out.length() == 0 ? "" : ", ").append(k).append(" x").append(n));
    return out.toString();
  }
}
