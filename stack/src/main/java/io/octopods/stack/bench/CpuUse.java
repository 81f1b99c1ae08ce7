package io.octopods.stack.bench;

import java.util.Locale;

/**
 * CPU used over one span, in milliseconds: the service's JVM, PostgreSQL (NaN when it is not on
 * this machine) and this JVM (load driver, simulators, probes); the machine's busy share in percent
 * and its load average.
 */
record CpuUse(
    double seconds,
    double serviceMs,
    double databaseMs,
    double driverMs,
    double busyPercent,
    String loadAverage) {

  /** The service's milliseconds per unit ({@code callbacks}); NaN when there were none. */
  static double per(double ms, long units) {
    return units == 0 ? Double.NaN : ms / units;
  }

  /** One line: each part in cores and per callback (service, driver) or per report (PostgreSQL). */
  String describe(long callbacks, long reports, String callback) {
    return String.format(
        Locale.ROOT,
        "CPU: service JVM %.2f cores (%.3f ms per %s), PostgreSQL %s, this JVM (load "
            + "driver, simulators, probes) %.2f cores (%.3f ms per %s); machine %.0f %% busy (all processes, %d "
            + "cores), load average %s",
        serviceMs / 1000 / seconds,
        per(serviceMs, callbacks),
        callback,
        database(reports),
        driverMs / 1000 / seconds,
        per(driverMs, callbacks),
        callback,
        busyPercent,
        Runtime.getRuntime().availableProcessors(),
        loadAverage);
  }

  private String database(long reports) {
    return Double.isNaN(databaseMs)
        ? "not measured (not on this machine)"
        : String.format(
            Locale.ROOT,
            "%.2f cores (%.3f ms per report)",
            databaseMs / 1000 / seconds,
            per(databaseMs, reports));
  }
}
