package io.octopods.simulator.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The stop-the-world collections of this JVM as they end (start and duration, to the millisecond),
 * so that late callbacks can be laid against them. Collectors that report concurrent cycles rather
 * than pauses (ZGC, Shenandoah cycles, G1's concurrent phases on newer JDKs) are left out.
 */
final class GcPauses {
  /** One pause, in epoch milliseconds. */
  record Pause(long startMs, long endMs, String collector, String cause) {}

  private final List<Pause> pauses = new ArrayList<>();
  private final long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();

  GcPauses() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      String name = gc.getName();
      if (name.contains("ZGC")
          || name.contains("Cycles")
          || name.contains("Concurrent")
          || !(gc instanceof NotificationEmitter emitter)) {
        continue;
      }
      emitter.addNotificationListener(
          (n, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                n.getType())) {
              return;
            }
            GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            long start = jvmStartMs + info.getGcInfo().getStartTime();
            synchronized (pauses) {
              pauses.add(
                  new Pause(
                      start,
                      start + info.getGcInfo().getDuration(),
                      info.getGcName(),
                      info.getGcCause()));
            }
          },
          null,
          null);
    }
  }

  /** The pauses that overlap [fromMs, toMs]. */
  List<Pause> between(long fromMs, long toMs) {
    synchronized (pauses) {
      return pauses.stream().filter(p -> p.endMs() >= fromMs && p.startMs() <= toMs).toList();
    }
  }

  /** Whether a pause (widened by a millisecond for rounding) overlaps [fromMs, toMs]. */
  static boolean overlaps(List<Pause> pauses, long fromMs, long toMs) {
    for (Pause p : pauses) {
      if (p.endMs() + 1 >= fromMs && p.startMs() - 1 <= toMs) {
        return true;
      }
    }
    return false;
  }

  static String describe(List<Pause> pauses) {
    if (pauses.isEmpty()) {
      return "no stop-the-world GC pause";
    }
    long total = pauses.stream().mapToLong(p -> p.endMs() - p.startMs()).sum();
    long longest = pauses.stream().mapToLong(p -> p.endMs() - p.startMs()).max().orElse(0);
    return String.format(
        Locale.ROOT,
        "%d stop-the-world GC pauses, %d ms in all, the longest %d ms",
        pauses.size(),
        total,
        longest);
  }
}
