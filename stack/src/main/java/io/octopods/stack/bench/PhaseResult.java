package io.octopods.stack.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * What one load phase measured: answers by outcome, webhook latencies, its span on the clock and
 * its CPU.
 */
final class PhaseResult {
  final String name;
  final Samples latency = new Samples();
  final AtomicLong ok = new AtomicLong();
  final AtomicLong reportsOk = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final Map<String, Long> failures = new TreeMap<>();
  final LongAccumulator firstSend = new LongAccumulator(Math::min, Long.MAX_VALUE);
  final LongAccumulator lastAnswer = new LongAccumulator(Math::max, Long.MIN_VALUE);

  /**
   * The wall clock (epoch ms) at {@link #anchorNanos}, to place the phase beside logs and probes.
   */
  private final long anchorWallMs = System.currentTimeMillis();

  private final long anchorNanos = System.nanoTime();

  CpuUse cpu;

  /** Open loop only: answers by the second they were due in. */
  SecondTally seconds;

  /**
   * Prepared callbacks a closed-loop phase did not send (still unsent reports, used by the next
   * phase).
   */
  List<Callback> unused = List.of();

  PhaseResult(String name) {
    this.name = name;
  }

  synchronized void fail(String why) {
    failed.incrementAndGet();
    failures.merge(why, 1L, Long::sum);
  }

  double seconds() {
    return (lastAnswer.get() - firstSend.get()) / 1e9;
  }

  /** 2xx-answered (durable) callbacks per second over the phase. */
  double perSecond() {
    return ok.get() / seconds();
  }

  double reportsPerSecond() {
    return reportsOk.get() / seconds();
  }

  /** A {@link System#nanoTime()} of this phase on the wall clock (epoch ms). */
  long wallMs(long nanos) {
    return anchorWallMs + (nanos - anchorNanos) / 1_000_000;
  }

  long startWallMs() {
    return wallMs(firstSend.get());
  }

  long endWallMs() {
    return wallMs(lastAnswer.get());
  }

  String describe() {
    return String.format(
            Locale.ROOT,
            "%s: %d callbacks (%d reports) answered 2xx in %.2f s = %.0f callbacks/s "
                + "(%.0f reports/s); %d failed%s; webhook answer p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms",
            name,
            ok.get(),
            reportsOk.get(),
            seconds(),
            perSecond(),
            reportsPerSecond(),
            failed.get(),
            failures.isEmpty() ? "" : " " + failures,
            latency.ms(0.50),
            latency.ms(0.99),
            latency.ms(0.999),
            latency.maxMs())
        + (cpu == null
            ? ""
            : "\n    " + name + ": " + cpu.describe(ok.get(), reportsOk.get(), "callback"));
  }
}
