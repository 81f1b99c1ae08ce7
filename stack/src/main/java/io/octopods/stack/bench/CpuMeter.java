package io.octopods.stack.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used over a span, split three ways: the service's JVM (its process in {@code /proc}), the
 * local PostgreSQL (every process of the cluster, {@link PostgresCpu}) and this JVM (the load
 * driver, the simulators and the probes), with the machine's busy share from {@code /proc/stat}
 * beside them.
 */
final class CpuMeter {
  private final long servicePid;
  private final boolean databaseLocal;

  /**
   * @param databaseLocal false when PostgreSQL runs elsewhere: its CPU is then not measured
   */
  CpuMeter(long servicePid, boolean databaseLocal) {
    this.servicePid = servicePid;
    this.databaseLocal = databaseLocal;
  }

  Span start() {
    return new Span();
  }

  /** One measured span; {@link #stop()} reads the use since it started. */
  final class Span {
    private final long wallNanos = System.nanoTime();
    private final long serviceTicks = serviceTicks();
    private final PostgresCpu.Snapshot database = databaseLocal ? PostgresCpu.now() : null;
    private final long driverNanos = driverNanos();
    private final long[] machine = machine();

    CpuUse stop() {
      double seconds = (System.nanoTime() - wallNanos) / 1e9;
      double serviceMs = (serviceTicks() - serviceTicks) * ProcStat.MS_PER_TICK;
      double databaseMs =
          database == null
              ? Double.NaN
              : PostgresCpu.ticksBetween(database, PostgresCpu.now()) * ProcStat.MS_PER_TICK;
      double driverMs = (driverNanos() - driverNanos) / 1e6;
      long[] now = machine();
      long total = now[1] - machine[1];
      double busy = total == 0 ? Double.NaN : 100.0 * (now[0] - machine[0]) / total;
      return new CpuUse(seconds, serviceMs, databaseMs, driverMs, busy, loadAverage());
    }
  }

  private long serviceTicks() {
    return ProcStat.of(servicePid).map(ProcStat::ownTicks).orElse(0L);
  }

  private static long driverNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
    } catch (Exception e) {
      return "?";
    }
  }

  /** {busy, total} jiffies of all CPUs. */
  private static long[] machine() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
      return new long[] {total - idle, total};
    } catch (Exception e) {
      return new long[] {0, 0};
    }
  }
}
