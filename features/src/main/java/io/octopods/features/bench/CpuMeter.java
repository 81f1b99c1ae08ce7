package io.octopods.features.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU used during a phase: this JVM's (service + load driver + in-process simulators) from the platform MXBean, and
 * the whole machine's busy share from {@code /proc/stat} (which includes PostgreSQL and anything else running).
 */
final class CpuMeter {
  private final long jvmNanos;
  private final long[] machine;
  private final long wallNanos;

  private CpuMeter() {
    jvmNanos = jvmCpu();
    machine = machine();
    wallNanos = System.nanoTime();
  }

  static CpuMeter start() {
    return new CpuMeter();
  }

  /** One line: JVM CPU per callback and in cores, machine busy share. */
  String since(long callbacks) {
    double wall = (System.nanoTime() - wallNanos) / 1e9;
    double jvm = (jvmCpu() - jvmNanos) / 1e9;
    long[] now = machine();
    long busy = (now[0] - machine[0]);
    long total = (now[1] - machine[1]);
    return String.format(Locale.ROOT, "this JVM used %.2f cores (%.2f ms CPU per callback); machine %.0f %% busy "
            + "(all processes, %d cores), load average %s", jvm / wall, callbacks == 0 ? 0 : 1000 * jvm / callbacks,
        total == 0 ? 0 : 100.0 * busy / total, Runtime.getRuntime().availableProcessors(), loadAverage());
  }

  private static long jvmCpu() {
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
