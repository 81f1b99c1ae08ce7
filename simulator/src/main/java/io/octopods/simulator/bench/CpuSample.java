package io.octopods.simulator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * CPU time used so far by this process, by the receiver, and by the whole machine ({@code
 * /proc/stat}, where there is one), so that a figure can say who had the cores while it was
 * measured.
 */
record CpuSample(
    long wallNanos,
    long simulatorNanos,
    long receiverNanos,
    long machineNanos,
    long allocatedBytes) {
  private static final Path STAT = Path.of("/proc/stat");
  private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

  static CpuSample now(ReceiverProcess receiver) {
    return new CpuSample(
        System.nanoTime(),
        ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L),
        receiver.cpu().toNanos(),
        machineBusy(),
        allocated());
  }

  /**
   * Heap bytes allocated by the live threads of this JVM so far (-1 where the JVM does not say).
   */
  private static long allocated() {
    try {
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      if (threads instanceof com.sun.management.ThreadMXBean t
          && t.isThreadAllocatedMemoryEnabled()) {
        long sum = 0;
        for (long b : t.getThreadAllocatedBytes(t.getAllThreadIds())) {
          sum += Math.max(0, b);
        }
        return sum;
      }
    } catch (RuntimeException e) {
      // not supported
    }
    return -1;
  }

  /** Heap allocated per event from this sample to a later one, in KB, or -1 when unknown. */
  double allocatedKbPer(CpuSample later, long events) {
    if (allocatedBytes < 0 || later.allocatedBytes < 0 || events <= 0) {
      return -1;
    }
    return (later.allocatedBytes - allocatedBytes) / 1024.0 / events;
  }

  /**
   * {@code simulator 160%, receiver 20%, other processes 10% (of 200%)} from this sample to a later
   * one.
   */
  String usageUntil(CpuSample later) {
    double wall = later.wallNanos - wallNanos;
    if (wall <= 0) {
      return "CPU not measured";
    }
    double sim = 100 * (later.simulatorNanos - simulatorNanos) / wall;
    double recv = 100 * (later.receiverNanos - receiverNanos) / wall;
    String others = "";
    if (machineNanos > 0 && later.machineNanos > 0) {
      double machine = 100 * (later.machineNanos - machineNanos) / wall;
      others =
          String.format(Locale.ROOT, ", other processes %.0f%%", Math.max(0, machine - sim - recv));
    }
    return String.format(
        Locale.ROOT,
        "CPU: simulator %.0f%%, receiver %.0f%%%s (of %d%%)",
        sim,
        recv,
        others,
        100 * Runtime.getRuntime().availableProcessors());
  }

  /** Busy time of all cores (user, nice, system, irq, softirq, steal), or 0 where unknown. */
  private static long machineBusy() {
    try {
      String[] f = Files.readAllLines(STAT).get(0).trim().split("\\s+");
      if (!f[0].equals("cpu")) {
        return 0;
      }
      long busy = 0;
      for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
        busy += i < f.length ? Long.parseLong(f[i]) : 0;
      }
      return busy * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
