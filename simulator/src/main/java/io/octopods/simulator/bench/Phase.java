package io.octopods.simulator.bench;

import io.octopods.simulator.core.callbacks.JournaledAttempt;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The attempts of one part of the run, heard as the journal writes them. */
final class Phase {
  final String name;
  final int expected;
  final Set<String> ids = ConcurrentHashMap.newKeySet();
  final Queue<JournaledAttempt> attempts = new ConcurrentLinkedQueue<>();
  final CountDownLatch done;
  final CountDownLatch first = new CountDownLatch(1);
  final long gcCount0 = gcCount();
  final long gcMillis0 = gcMillis();
  volatile CpuSample cpuAtStart;

  Phase(String name, int expected) {
    this.name = name;
    this.expected = expected;
    this.done = new CountDownLatch(expected);
  }

  /**
   * Waits for the first callback, then notes the CPU and heap counters; then waits for the last
   * one.
   */
  boolean await(long timeoutMs, ReceiverProcess receiver) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    if (first.await(timeoutMs, TimeUnit.MILLISECONDS)) {
      cpuAtStart = CpuSample.now(receiver);
    }
    return done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  String cpuUntil(CpuSample end) {
    CpuSample start = cpuAtStart;
    if (start == null) {
      return "CPU not measured";
    }
    double kb = start.allocatedKbPer(end, attempts.size());
    return start.usageUntil(end)
        + (kb < 0 ? "" : String.format(Locale.ROOT, "; %.1f KB allocated per callback", kb));
  }

  String gcSince() {
    return "GC in the simulator: "
        + (gcCount() - gcCount0)
        + " collections, "
        + (gcMillis() - gcMillis0)
        + " ms";
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }
}
