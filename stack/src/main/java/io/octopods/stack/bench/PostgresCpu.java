package io.octopods.stack.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU of every process of the local PostgreSQL (postmaster, backends, WAL writer, checkpointer,
 * background writer, autovacuum): all processes the kernel names {@code postgres}. A process
 * started during the span counts from 0; one that ended during it is found again in its parent's
 * reaped time ({@code cutime}, the postmaster reaps them all), less what it had used before the
 * span.
 */
final class PostgresCpu {
  /**
   * What the processes had used at one moment, by {@code pid:start}, and what their reaped children
   * had.
   */
  record Snapshot(Map<String, Long> ownTicks, long reapedTicks, int processes) {
    static Snapshot of(List<ProcStat> processes) {
      Map<String, Long> own = new HashMap<>();
      long reaped = 0;
      for (ProcStat p : processes) {
        own.put(p.pid() + ":" + p.startTicks(), p.ownTicks());
        reaped += p.reapedTicks();
      }
      return new Snapshot(own, reaped, processes.size());
    }
  }

  private PostgresCpu() {}

  /**
   * The cluster's processes now. A process reaped while /proc is being read would be in neither its
   * own nor its parent's time, so the reading is repeated until two in a row see the same
   * processes.
   */
  static Snapshot now() {
    Snapshot previous = Snapshot.of(ProcStat.named("postgres"));
    for (int i = 0; i < 10; i++) {
      Snapshot current = Snapshot.of(ProcStat.named("postgres"));
      if (current.ownTicks().keySet().equals(previous.ownTicks().keySet())) {
        return current;
      }
      previous = current;
    }
    return previous;
  }

  /** Clock ticks used by the cluster between two snapshots. */
  static long ticksBetween(Snapshot before, Snapshot after) {
    long ticks = after.reapedTicks() - before.reapedTicks();
    for (Map.Entry<String, Long> p : after.ownTicks().entrySet()) {
      ticks += p.getValue() - before.ownTicks().getOrDefault(p.getKey(), 0L);
    }
    for (Map.Entry<String, Long> p : before.ownTicks().entrySet()) {
      if (!after.ownTicks().containsKey(p.getKey())) {
        ticks -= p.getValue(); // its whole life is in the reaped time now; only the part after
        // `before` is ours
      }
    }
    return ticks;
  }
}
