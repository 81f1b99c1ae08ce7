package io.octopods.simulator.bench;

import static io.octopods.simulator.bench.AttemptStats.failures;
import static io.octopods.simulator.bench.AttemptStats.nanos;
import static io.octopods.simulator.bench.AttemptStats.rank;
import static io.octopods.simulator.bench.BenchRun.say;

import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.core.callbacks.JournaledAttempt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * (b) Steady: the lateness of each callback against its due time at a steady rate. {@code messages}
 * messages share the load, each with its own evenly spaced due times, offset from one another so
 * that the process as a whole fires {@code rate} callbacks per second for {@code seconds} seconds.
 */
final class SteadyPhase {
  private static final String STEADY_TO_PREFIX = "+1555999";
  private static final Duration SEND_GAP = Duration.ofMillis(20);
  private static final long LATE_NANOS = 5_000_000L;

  private final BenchRun run;
  private final SimulatorClient admin;
  private final int rate;
  private final int seconds;
  private final int messages;

  SteadyPhase(BenchRun run, SimulatorClient admin, int rate, int seconds, int messages) {
    this.run = run;
    this.admin = admin;
    this.rate = rate;
    this.seconds = seconds;
    this.messages = messages;
  }

  /** True when every callback was heard. */
  boolean measure(WhatsAppSender whatsapp) throws Exception {
    int m = messages;
    long stepsPerMessage = Math.max(1, Math.round((double) seconds * rate / m));
    Duration every = Duration.ofNanos(Math.round(1e9 * m / rate)); // one message's step interval
    Duration share =
        every.dividedBy(m); // message i is offset by i shares: the process fires every `share`
    Duration lead = Duration.ofSeconds(1).plus(SEND_GAP.multipliedBy(m));
    say(
        String.format(
            Locale.ROOT,
            "steady: %d messages x %d callbacks, one every %.3f ms each, offset %.3f ms "
                + "from one another: %d callbacks/s for %d s",
            m,
            stepsPerMessage,
            every.toNanos() / 1e6,
            share.toNanos() / 1e6,
            rate,
            seconds));
    // message i is sent at anchor + i*SEND_GAP; its steps are due at anchor + lead + i*share +
    // k*every
    for (int i = 0; i < m; i++) {
      String id = "bench-steady-" + i;
      Duration first = lead.plus(share.multipliedBy(i)).minus(SEND_GAP.multipliedBy(i));
      admin.upload("whatsapp", BenchScenarios.even(id, (int) stepsPerMessage, first, every));
      admin.bind("whatsapp", recipient(i), id);
    }
    Phase p = new Phase("steady", (int) (m * stepsPerMessage));
    run.listen(p);
    long anchor = System.nanoTime() + 50_000_000L;
    for (int i = 0; i < m; i++) {
      long target = anchor + i * SEND_GAP.toNanos();
      long wait;
      while ((wait = target - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      p.ids.add(whatsapp.send(recipient(i), "steady " + i));
    }
    boolean complete = p.await(lead.toMillis() + seconds * 1000L + 30_000, run.receiver);
    String cpu = p.cpuUntil(CpuSample.now(run.receiver));
    run.listen(null);
    List<JournaledAttempt> all = new ArrayList<>(p.attempts);
    List<JournaledAttempt> ok = all.stream().filter(JournaledAttempt::delivered).toList();
    int missing = p.expected - all.size();
    say(
        String.format(
            Locale.ROOT,
            "steady: %d attempts, %d answered 2xx, %d failed%s",
            all.size(),
            ok.size(),
            all.size() - ok.size(),
            missing > 0 ? ", " + missing + " MISSING (timed out)" : ""));
    say("steady: while delivering: " + cpu + "; " + p.gcSince());
    if (all.size() > ok.size()) {
      say("steady: failures: " + failures(all));
    }
    if (all.size() < 2) {
      return false;
    }
    long[] due = all.stream().mapToLong(a -> nanos(a.dueAt())).sorted().toArray();
    long[] gaps = new long[due.length - 1];
    for (int i = 1; i < due.length; i++) {
      gaps[i - 1] = due[i] - due[i - 1];
    }
    Arrays.sort(gaps);
    say(
        String.format(
            Locale.ROOT,
            "steady: due times as played: gap between consecutive callbacks p1 %.3f ms, "
                + "median %.3f ms, p99 %.3f ms (planned %.3f ms)",
            rank(gaps, 0.01) / 1e6,
            rank(gaps, 0.5) / 1e6,
            rank(gaps, 0.99) / 1e6,
            share.toNanos() / 1e6));
    long[] sent = all.stream().mapToLong(a -> nanos(a.sentAt())).sorted().toArray();
    double achieved = (sent.length - 1) / ((sent[sent.length - 1] - sent[0]) / 1e9);
    long[] late =
        all.stream()
            .mapToLong(a -> Duration.between(a.dueAt(), a.sentAt()).toNanos())
            .sorted()
            .toArray();
    say(
        String.format(
            Locale.ROOT,
            "steady: achieved %.0f callbacks/s over %.2f s",
            achieved,
            (sent[sent.length - 1] - sent[0]) / 1e9));
    say(
        String.format(
            Locale.ROOT,
            "steady: lateness (sent_at - due_at): min %.3f ms, p50 %.3f ms, p90 %.3f ms, "
                + "p99 %.3f ms, p99.9 %.3f ms, max %.3f ms",
            late[0] / 1e6,
            rank(late, 0.5) / 1e6,
            rank(late, 0.9) / 1e6,
            rank(late, 0.99) / 1e6,
            rank(late, 0.999) / 1e6,
            late[late.length - 1] / 1e6));
    List<GcPauses.Pause> pauses =
        run.gcPauses.between(due[0] / 1_000_000 - 1000, sent[sent.length - 1] / 1_000_000);
    List<JournaledAttempt> tooLate =
        all.stream()
            .filter(a -> Duration.between(a.dueAt(), a.sentAt()).toNanos() > LATE_NANOS)
            .toList();
    long duringGc =
        tooLate.stream()
            .filter(
                a -> GcPauses.overlaps(pauses, a.dueAt().toEpochMilli(), a.sentAt().toEpochMilli()))
            .count();
    say(
        String.format(
            Locale.ROOT,
            "steady: %d callbacks later than %d ms, %d of them waited through a GC pause of "
                + "the simulator (%s)",
            tooLate.size(),
            LATE_NANOS / 1_000_000,
            duringGc,
            GcPauses.describe(pauses)));
    long[] rtt = all.stream().mapToLong(JournaledAttempt::latencyMs).sorted().toArray();
    say(
        String.format(
            Locale.ROOT,
            "steady: request round trip (latency_ms) p50 %d ms, p99 %d ms, max %d ms",
            rank(rtt, 0.50),
            rank(rtt, 0.99),
            rtt[rtt.length - 1]));
    run.summary.put("steady_rate_per_s", String.format(Locale.ROOT, "%.0f", achieved));
    run.summary.put("lateness_p50_ms", String.format(Locale.ROOT, "%.2f", rank(late, 0.5) / 1e6));
    run.summary.put("lateness_p99_ms", String.format(Locale.ROOT, "%.2f", rank(late, 0.99) / 1e6));
    run.summary.put(
        "lateness_max_ms", String.format(Locale.ROOT, "%.2f", late[late.length - 1] / 1e6));
    return complete && missing == 0;
  }

  private static String recipient(int i) {
    return STEADY_TO_PREFIX + String.format(Locale.ROOT, "%04d", 1000 + i);
  }
}
