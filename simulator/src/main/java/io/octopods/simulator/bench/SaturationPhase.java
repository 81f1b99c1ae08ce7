package io.octopods.simulator.bench;

import static io.octopods.simulator.bench.AttemptStats.failures;
import static io.octopods.simulator.bench.AttemptStats.nanos;
import static io.octopods.simulator.bench.AttemptStats.rank;
import static io.octopods.simulator.bench.AttemptStats.seconds;
import static io.octopods.simulator.bench.BenchRun.say;

import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.core.callbacks.JournaledAttempt;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * (a) Saturation: callbacks per second with everything due at once, after an unmeasured warm-up
 * burst. A burst uploads a scenario of {@code perMessage} callbacks all due together, sends the
 * messages from {@code senders} threads and waits for every callback (or a time-out).
 */
final class SaturationPhase {
  private static final String SATURATION_TO = "+15559990001";
  private static final String WARMUP_TO = "+15559990002";

  private final BenchRun run;
  private final SimulatorClient admin;
  private final int perMessage;
  private final int senders;
  private final int lanes;

  SaturationPhase(BenchRun run, SimulatorClient admin, int perMessage, int senders, int lanes) {
    this.run = run;
    this.admin = admin;
    this.perMessage = perMessage;
    this.senders = senders;
    this.lanes = lanes;
  }

  /**
   * The unmeasured warm-up: {@code messages} x {@code perMessage} callbacks due one second after
   * their send.
   */
  Burst warmUp(int messages, WhatsAppSender whatsapp) throws Exception {
    Burst warm = burst("warm-up", WARMUP_TO, messages, Duration.ofSeconds(1), whatsapp);
    say(
        String.format(
            Locale.ROOT,
            "warm-up: %d callbacks in %.2f s (not counted); sends %.0f/s",
            warm.attempts().size(),
            warm.wallSeconds(),
            warm.sendsPerSecond()));
    return warm;
  }

  /**
   * The measured burst; true when every callback was heard and enough were delivered to compute a
   * rate.
   */
  boolean measure(int messages, WhatsAppSender whatsapp, double warmSendsPerSecond)
      throws Exception {
    // every callback must be queued before the first falls due: wait well past the expected sending
    // time
    double expectedSend = warmSendsPerSecond > 0 ? messages / warmSendsPerSecond : messages / 200.0;
    Duration at =
        Duration.ofMillis(
            Math.min(30_000, Math.max(2_000, Math.round(1000 + 2000 * expectedSend))));
    say(
        String.format(
            Locale.ROOT,
            "saturation: %d messages x %d callbacks = %d, all due %.1f s after their send",
            messages,
            perMessage,
            messages * perMessage,
            at.toMillis() / 1000.0));
    Burst b = burst("saturation", SATURATION_TO, messages, at, whatsapp);
    List<JournaledAttempt> all = b.attempts();
    List<JournaledAttempt> ok = all.stream().filter(JournaledAttempt::delivered).toList();
    int failed = all.size() - ok.size();
    int missing = b.expected() - all.size();
    say(
        String.format(
            Locale.ROOT,
            "saturation: sent by %d threads in %.2f s (%.0f sends/s); %s",
            senders,
            b.sendSeconds(),
            b.sendsPerSecond(),
            b.firstSent()
                .map(
                    first ->
                        Duration.between(b.sendEnd(), first).toMillis() >= 0
                            ? "all answered "
                                + Duration.between(b.sendEnd(), first).toMillis()
                                + " ms before the first callback"
                            : "WARNING: callbacks started "
                                + -Duration.between(b.sendEnd(), first).toMillis()
                                + " ms before the last send was answered (raise the delay or lower --messages)")
                .orElse("no callback fired")));
    say(
        String.format(
            Locale.ROOT,
            "saturation: %d attempts, %d answered 2xx, %d failed%s; receiver counted %d POSTs",
            all.size(),
            ok.size(),
            failed,
            missing > 0 ? ", " + missing + " MISSING (timed out)" : "",
            b.receiverPosts()));
    run.summary.put("saturation_failed", String.valueOf(failed + missing));
    if (failed > 0) {
      say("saturation: failures: " + failures(all));
    }
    if (ok.size() < 2) {
      return false;
    }
    Instant first =
        ok.stream().map(JournaledAttempt::sentAt).min(Comparator.naturalOrder()).orElseThrow();
    Instant last =
        ok.stream().map(JournaledAttempt::sentAt).max(Comparator.naturalOrder()).orElseThrow();
    double span = seconds(first, last);
    double perSecond = (ok.size() - 1) / span;
    double wallPerSecond = ok.size() / seconds(first, b.finished());
    say(
        String.format(
            Locale.ROOT,
            "saturation: first -> last sent_at %.3f s: %.0f callbacks/s (first sent_at -> last answer: %.0f/s)",
            span,
            perSecond,
            wallPerSecond));
    say("saturation: " + backlog(all));
    say("saturation: while delivering: " + b.cpu() + "; " + b.gc());
    long[] rtt = all.stream().mapToLong(JournaledAttempt::latencyMs).sorted().toArray();
    say(
        String.format(
            Locale.ROOT,
            "saturation: request round trip (latency_ms) p50 %d ms, p99 %d ms, max %d ms",
            rank(rtt, 0.50),
            rank(rtt, 0.99),
            rtt[rtt.length - 1]));
    run.summary.put("saturation_callbacks_per_s", String.format(Locale.ROOT, "%.0f", perSecond));
    return b.complete();
  }

  /**
   * Whether the delivery queue ever ran dry while the rate was measured: the fewest callbacks due
   * and not yet sent, at each send of the first 90% (the last ones drain the queue by definition).
   */
  private String backlog(List<JournaledAttempt> attempts) {
    long[] due = attempts.stream().mapToLong(a -> nanos(a.dueAt())).sorted().toArray();
    long[] sent = attempts.stream().mapToLong(a -> nanos(a.sentAt())).sorted().toArray();
    int measured = (int) (sent.length * 0.9);
    long least = Long.MAX_VALUE;
    int d = 0;
    for (int i = 0; i < measured; i++) {
      while (d < due.length && due[d] <= sent[i]) {
        d++;
      }
      least = Math.min(least, d - (i + 1L));
    }
    if (least == Long.MAX_VALUE) {
      return "too few callbacks to judge the backlog";
    }
    String verdict =
        least >= lanes
            ? "saturated"
            : "NOT saturated (the due times, not the simulator, set the pace)";
    return String.format(
        Locale.ROOT,
        "%s: at each of the first 90%% of the sends, at least %d more callbacks were "
            + "due and waiting (all fell due within %.3f s)",
        verdict,
        least,
        (due[due.length - 1] - due[0]) / 1e9);
  }

  /** Uploads a burst scenario, sends the messages and waits for every callback (or a time-out). */
  private Burst burst(String name, String to, int count, Duration at, WhatsAppSender whatsapp)
      throws Exception {
    String id = "bench-" + name;
    admin.upload("whatsapp", BenchScenarios.burst(id, perMessage, at));
    admin.bind("whatsapp", to, id);
    Phase p = new Phase(name, count * perMessage);
    long postsBefore = run.receiver.count();
    run.listen(p);
    Instant sendStart = run.clock.now();
    whatsapp.sendMany(to, count, senders, p.ids::add);
    Instant sendEnd = run.clock.now();
    boolean complete = p.await(at.toMillis() + 60_000, run.receiver);
    Instant finished = run.clock.now();
    CpuSample end = CpuSample.now(run.receiver);
    run.listen(null);
    long posts = run.receiver.count() - postsBefore;
    return new Burst(
        p.expected,
        new ArrayList<>(p.attempts),
        complete,
        count,
        sendStart,
        sendEnd,
        finished,
        p.cpuUntil(end),
        posts,
        p.gcSince());
  }
}
