package io.octopods.stack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * The machine's own ceiling for the service's writes: reports the service stored, applied again by
 * a JDBC loop on copies of its tables ({@link CeilingTables}), grouped as the service grouped them
 * or one per transaction ({@link CeilingTransaction}). {@code connections} threads, connected
 * before the clock starts, take the next transaction in turn until {@code seconds} have passed or
 * the reports run out; their connections close only after the CPU is read, since a backend that has
 * just ended is in no process's CPU until the postmaster reaps it.
 */
final class CeilingReplay {
  /** How the reports are put in transactions. */
  enum Shape {
    GROUPED,
    SINGLE
  }

  /** What one replay measured. */
  record Result(
      Shape shape,
      int connections,
      long transactions,
      long reports,
      long applied,
      double seconds,
      boolean ranOut,
      CpuUse cpu) {
    double reportsPerSecond() {
      return seconds <= 0 ? Double.NaN : reports / seconds;
    }

    String describe() {
      String how =
          shape == Shape.GROUPED ? "in the service's groups" : "one report per transaction";
      return String.format(
          Locale.ROOT,
          "ceiling (%s): %d connections, synchronous_commit=on: %d reports in %d "
              + "transactions in %.1f s = %.0f reports/s (%d of them changed a status)%s%n    ceiling (%s): %s",
          how,
          connections,
          reports,
          transactions,
          seconds,
          reportsPerSecond(),
          applied,
          ranOut ? "; every report of saturation replayed before the time was up" : "",
          how,
          cpu.describe(reports, reports, "report"));
    }
  }

  private final BenchStore store;
  private final CpuMeter cpu;

  CeilingReplay(BenchStore store, CpuMeter cpu) {
    this.store = store;
    this.cpu = cpu;
  }

  Result run(
      String tables, Shape shape, List<List<ReplayReport>> groups, int connections, double seconds)
      throws Exception {
    List<List<ReplayReport>> work =
        shape == Shape.GROUPED
            ? groups
            : groups.stream().flatMap(List::stream).map(List::of).toList();
    AtomicInteger next = new AtomicInteger();
    AtomicLong transactions = new AtomicLong();
    AtomicLong reports = new AtomicLong();
    AtomicLong applied = new AtomicLong();
    LongAccumulator lastCommit = new LongAccumulator(Math::max, 0);
    CountDownLatch connected = new CountDownLatch(connections);
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(connections);
    CountDownLatch measured = new CountDownLatch(1);
    long[] end = new long[1];
    List<Exception> errors = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < connections; t++) {
      Thread thread =
          new Thread(
              () -> {
                boolean[] counted = new boolean[2]; // connected, finished
                try (CeilingTransaction tx =
                    new CeilingTransaction(store.connectBatching(), tables)) {
                  connected.countDown();
                  counted[0] = true;
                  go.await();
                  int i;
                  while (System.nanoTime() < end[0] && (i = next.getAndIncrement()) < work.size()) {
                    List<ReplayReport> group = work.get(i);
                    int changed =
                        shape == Shape.GROUPED ? tx.grouped(group) : tx.single(group.get(0));
                    transactions.incrementAndGet();
                    reports.addAndGet(group.size());
                    applied.addAndGet(changed);
                    lastCommit.accumulate(System.nanoTime());
                  }
                  finished.countDown();
                  counted[1] = true;
                  measured.await();
                } catch (Exception e) {
                  synchronized (errors) {
                    errors.add(e);
                  }
                } finally {
                  if (!counted[0]) {
                    connected.countDown();
                  }
                  if (!counted[1]) {
                    finished.countDown();
                  }
                }
              },
              "bench-ceiling-" + t);
      thread.start();
      threads.add(thread);
    }
    connected.await();
    CpuMeter.Span span = cpu.start();
    long start = System.nanoTime();
    end[0] = start + (long) (seconds * 1e9); // published to the threads by go's count-down
    go.countDown();
    finished.await();
    CpuUse used = span.stop();
    measured.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    if (!errors.isEmpty()) {
      throw errors.get(0);
    }
    double took = (Math.max(start, lastCommit.get()) - start) / 1e9; // to the last commit
    return new Result(
        shape,
        connections,
        transactions.get(),
        reports.get(),
        applied.get(),
        took,
        next.get() >= work.size(),
        used);
  }
}
