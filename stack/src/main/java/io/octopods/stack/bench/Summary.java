package io.octopods.stack.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's last lines, one {@code key: value} each, always every key in this order (BENCHMARKS.md
 * defines them); a figure the run could not measure reads {@code n/a}.
 */
final class Summary {
  static final List<String> KEYS =
      List.of(
          "callbacks_per_s",
          "ceiling_per_s",
          "ratio",
          "p50_ms",
          "p99_ms",
          "p999_ms",
          "p99_at_80pct_ms",
          "visible_p99_ms",
          "lost",
          "hubspot_events_per_s",
          "hubspot_capacity_per_s",
          "hubspot_use",
          "hubspot_lag_p99_s",
          "surfaces_lag_p99_ms",
          "hubspot_drain_s",
          "dead_letters",
          "ceiling_single_per_s",
          "group_size_mean",
          "service_cpu_ms_per_callback",
          "db_cpu_ms_per_report",
          "ceiling_db_cpu_ms_per_report",
          "driver_cpu_ms_per_callback");

  private final Map<String, String> values = new HashMap<>();

  /** Sets a figure with {@code decimals} decimals; NaN or infinite reads {@code n/a}. */
  Summary put(String key, double value, int decimals) {
    return put(
        key,
        Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "n/a");
  }

  Summary put(String key, long value) {
    return put(key, String.valueOf(value));
  }

  private Summary put(String key, String value) {
    if (!KEYS.contains(key)) {
      throw new IllegalArgumentException("no summary key '" + key + "'; the keys are " + KEYS);
    }
    values.put(key, value);
    return this;
  }

  String get(String key) {
    return values.getOrDefault(key, "n/a");
  }

  /** The summary's lines, every key in order. */
  List<String> lines() {
    return KEYS.stream().map(k -> k + ": " + get(k)).toList();
  }

  /** A run counts only when every acknowledged report is in the history. */
  boolean nothingLost() {
    return "0".equals(values.get("lost"));
  }
}
