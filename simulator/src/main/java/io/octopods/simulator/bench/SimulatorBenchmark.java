package io.octopods.simulator.bench;

import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.core.callbacks.JournaledAttempt;
import io.octopods.simulator.core.clock.ScenarioClock;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./octopods bench-sim}: how fast one simulator process delivers signed callbacks to a receiver in
 * another process, on the real clock. (a) Saturation: callbacks per second with everything due at once.
 * (b) Steady: the lateness of each callback against its due time at a steady rate (1,000/s by default).
 * Numbers come from the callback journal ({@code due_at}, {@code sent_at}, outcome), heard through
 * {@code onAttempt}; nothing waits on a fixed sleep for completion.
 */
@Command(name = "bench-sim", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measures the simulator's callback delivery against a receiver in a separate JVM, on the real clock:",
        "(a) saturation: callbacks per second with a large backlog all due at once;",
        "(b) steady: lateness (sent_at - due_at) of every callback at a steady rate."})
public final class SimulatorBenchmark implements Callable<Integer> {
  private static final String SATURATION_TO = "+15559990001";
  private static final String WARMUP_TO = "+15559990002";
  private static final String STEADY_TO_PREFIX = "+1555999";
  private static final Duration SEND_GAP = Duration.ofMillis(20);
  private static final long LATE_NANOS = 5_000_000L;

  @Option(names = "--lanes", description = "callback lanes of the simulator (default ${DEFAULT-VALUE})")
  int lanes = 8;

  @Option(names = "--messages", description = "saturation: messages sent (default ${DEFAULT-VALUE})")
  int messages = 400;

  @Option(names = "--per-message", description = "saturation: callbacks per message (default ${DEFAULT-VALUE})")
  int perMessage = 80;

  @Option(names = "--senders", description = "saturation: threads sending the messages (default ${DEFAULT-VALUE})")
  int senders = 4;

  @Option(names = "--rate", description = "steady: callbacks per second of the whole process (default ${DEFAULT-VALUE})")
  int rate = 1000;

  @Option(names = "--seconds", description = "steady: how long the steady load lasts (default ${DEFAULT-VALUE})")
  int seconds = 10;

  @Option(names = "--steady-messages", description = "steady: messages sharing the load, each its own share of due times (default ${DEFAULT-VALUE})")
  int steadyMessages = 10;

  @Option(names = "--warmup-messages", description = "messages of the unmeasured warm-up burst, x --per-message callbacks (default ${DEFAULT-VALUE}; 0 = none)")
  int warmupMessages = 60;

  @Option(names = "--receiver", description = "raw (a minimal HTTP/1.1 server) or jdk (com.sun.net.httpserver) (default ${DEFAULT-VALUE})")
  String receiverKind = "raw";

  @Option(names = "--receiver-threads", description = "worker threads of the jdk receiver (default ${DEFAULT-VALUE})")
  int receiverThreads = 4;

  @Option(names = "--timeout", description = "seconds after which the run gives up, whatever it is doing (default ${DEFAULT-VALUE})")
  int timeoutSeconds = 180;

  @Option(names = "--skip-saturation", description = "run only the steady part")
  boolean skipSaturation;

  @Option(names = "--skip-steady", description = "run only the saturation part")
  boolean skipSteady;

  private final Map<String, String> summary = new LinkedHashMap<>();
  private final AtomicLong strays = new AtomicLong();
  private final GcPauses gcPauses = new GcPauses();
  private volatile Phase phase;
  private ScenarioClock clock;
  private ReceiverProcess receiver;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SimulatorBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (lanes < 1 || messages < 1 || perMessage < 1 || senders < 1 || rate < 1 || seconds < 1
        || steadyMessages < 1 || warmupMessages < 0 || receiverThreads < 1 || timeoutSeconds < 1) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--lanes, --messages, --per-message, --senders, --rate, --seconds, --steady-messages, --receiver-threads "
              + "and --timeout must be at least 1 (--warmup-messages at least 0)");
    }
    if (!receiverKind.equals("raw") && !receiverKind.equals("jdk")) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--receiver must be raw or jdk");
    }
    summary.put("saturation_callbacks_per_s", "skipped");
    summary.put("saturation_failed", "skipped");
    summary.put("steady_rate_per_s", "skipped");
    summary.put("lateness_p50_ms", "skipped");
    summary.put("lateness_p99_ms", "skipped");
    summary.put("lateness_max_ms", "skipped");
    long started = System.nanoTime();
    boolean complete = true;
    watchdog();
    say("octopods bench-sim: " + machine() + "; " + lanes + " callback lanes; receiver '" + receiverKind
        + "' in its own JVM; real clock");
    try (ReceiverProcess r = ReceiverProcess.start(receiverKind, receiverThreads)) {
      receiver = r;
      say("receiver: pid " + r.pid() + " on 127.0.0.1:" + r.port());
      Simulators sims = Simulators.start(new SimulatorSettings("127.0.0.1", 0, "real", 1.0, List.of(),
          Duration.ofSeconds(10), lanes, Optional.empty()));
      try {
        clock = sims.context().clock();
        sims.context().journal().onAttempt(this::heard);
        SimulatorClient whatsapp = new SimulatorClient(sims.baseUrl("whatsapp"));
        whatsapp.setWebhook("http://127.0.0.1:" + r.port() + "/webhooks/whatsapp");
        say("simulator: WhatsApp on " + sims.baseUrl("whatsapp") + ", webhook -> receiver");

        double sendsPerSecond = 0;
        if (warmupMessages > 0) {
          Burst warm = burst("warm-up", WARMUP_TO, warmupMessages, Duration.ofSeconds(1), whatsapp);
          complete &= warm.complete;
          sendsPerSecond = warm.sendsPerSecond();
          say(String.format(Locale.ROOT, "warm-up: %d callbacks in %.2f s (not counted); sends %.0f/s",
              warm.attempts.size(), warm.wallSeconds(), sendsPerSecond));
        }
        if (!skipSaturation) {
          complete &= saturation(whatsapp, sendsPerSecond);
        }
        if (!skipSteady) {
          complete &= steady(whatsapp);
        }
      } finally {
        sims.close();
      }
    }
    if (strays.get() > 0) {
      say("note: " + strays.get() + " callback attempts belonged to no phase (retries of failures?)");
    }
    say(String.format(Locale.ROOT, "done in %.1f s", (System.nanoTime() - started) / 1e9));
    System.out.println();
    summary.put("lanes", String.valueOf(lanes));
    summary.put("machine", machine());
    summary.forEach((k, v) -> System.out.println(k + ": " + v));
    System.out.flush();
    return complete ? 0 : 1;
  }

  /** Ends the process (and so the receiver, whose stdin closes) when the run overstays --timeout. */
  private void watchdog() {
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(timeoutSeconds * 1000L);
      } catch (InterruptedException e) {
        return;
      }
      System.out.println("bench-sim: gave up after " + timeoutSeconds + " s (--timeout)");
      System.out.flush();
      System.exit(3);
    }, "bench-watchdog");
    t.setDaemon(true);
    t.start();
  }

  // ---------------------------------------------------------------- (a) saturation

  private boolean saturation(SimulatorClient whatsapp, double warmSendsPerSecond) throws Exception {
    // every callback must be queued before the first falls due: wait well past the expected sending time
    double expectedSend = warmSendsPerSecond > 0 ? messages / warmSendsPerSecond : messages / 200.0;
    Duration at = Duration.ofMillis(Math.min(30_000, Math.max(2_000, Math.round(1000 + 2000 * expectedSend))));
    say(String.format(Locale.ROOT, "saturation: %d messages x %d callbacks = %d, all due %.1f s after their send",
        messages, perMessage, messages * perMessage, at.toMillis() / 1000.0));
    Burst b = burst("saturation", SATURATION_TO, messages, at, whatsapp);
    List<JournaledAttempt> all = b.attempts;
    List<JournaledAttempt> ok = all.stream().filter(JournaledAttempt::delivered).toList();
    int failed = all.size() - ok.size();
    int missing = b.expected - all.size();
    say(String.format(Locale.ROOT, "saturation: sent by %d threads in %.2f s (%.0f sends/s); %s",
        senders, b.sendSeconds(), b.sendsPerSecond(), b.firstSent()
            .map(first -> Duration.between(b.sendEnd, first).toMillis() >= 0
                ? "all answered " + Duration.between(b.sendEnd, first).toMillis() + " ms before the first callback"
                : "WARNING: callbacks started " + -Duration.between(b.sendEnd, first).toMillis()
                    + " ms before the last send was answered (raise the delay or lower --messages)")
            .orElse("no callback fired")));
    say(String.format(Locale.ROOT, "saturation: %d attempts, %d answered 2xx, %d failed%s; receiver counted %d POSTs",
        all.size(), ok.size(), failed, missing > 0 ? ", " + missing + " MISSING (timed out)" : "",
        b.receiverPosts));
    summary.put("saturation_failed", String.valueOf(failed + missing));
    if (failed > 0) {
      say("saturation: failures: " + failures(all));
    }
    if (ok.size() < 2) {
      return false;
    }
    Instant first = ok.stream().map(JournaledAttempt::sentAt).min(Comparator.naturalOrder()).orElseThrow();
    Instant last = ok.stream().map(JournaledAttempt::sentAt).max(Comparator.naturalOrder()).orElseThrow();
    double span = seconds(first, last);
    double perSecond = (ok.size() - 1) / span;
    double wallPerSecond = ok.size() / seconds(first, b.finished);
    say(String.format(Locale.ROOT,
        "saturation: first -> last sent_at %.3f s: %.0f callbacks/s (first sent_at -> last answer: %.0f/s)",
        span, perSecond, wallPerSecond));
    say("saturation: " + backlog(all));
    say("saturation: while delivering: " + b.cpu + "; " + b.gc);
    long[] rtt = all.stream().mapToLong(JournaledAttempt::latencyMs).sorted().toArray();
    say(String.format(Locale.ROOT, "saturation: request round trip (latency_ms) p50 %d ms, p99 %d ms, max %d ms",
        rank(rtt, 0.50), rank(rtt, 0.99), rtt[rtt.length - 1]));
    summary.put("saturation_callbacks_per_s", String.format(Locale.ROOT, "%.0f", perSecond));
    return b.complete;
  }

  /**
   * Whether the delivery queue ever ran dry while the rate was measured: the fewest callbacks due and not yet
   * sent, at each send of the first 90% (the last ones drain the queue by definition).
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
    String verdict = least >= lanes ? "saturated" : "NOT saturated (the due times, not the simulator, set the pace)";
    return String.format(Locale.ROOT, "%s: at each of the first 90%% of the sends, at least %d more callbacks were "
        + "due and waiting (all fell due within %.3f s)", verdict, least, (due[due.length - 1] - due[0]) / 1e9);
  }

  // ---------------------------------------------------------------- (b) steady

  private boolean steady(SimulatorClient whatsapp) throws Exception {
    int m = steadyMessages;
    long stepsPerMessage = Math.max(1, Math.round((double) seconds * rate / m));
    Duration every = Duration.ofNanos(Math.round(1e9 * m / rate)); // one message's step interval
    Duration share = every.dividedBy(m); // message i is offset by i shares: the process fires every `share`
    Duration lead = Duration.ofSeconds(1).plus(SEND_GAP.multipliedBy(m));
    say(String.format(Locale.ROOT, "steady: %d messages x %d callbacks, one every %.3f ms each, offset %.3f ms "
            + "from one another: %d callbacks/s for %d s", m, stepsPerMessage, every.toNanos() / 1e6,
        share.toNanos() / 1e6, rate, seconds));
    // message i is sent at anchor + i*SEND_GAP; its steps are due at anchor + lead + i*share + k*every
    for (int i = 0; i < m; i++) {
      String id = "bench-steady-" + i;
      Duration first = lead.plus(share.multipliedBy(i)).minus(SEND_GAP.multipliedBy(i));
      whatsapp.upload(BenchScenarios.even(id, (int) stepsPerMessage, first, every));
      whatsapp.bind(steadyRecipient(i), id);
    }
    Phase p = new Phase("steady", (int) (m * stepsPerMessage));
    phase = p;
    long anchor = System.nanoTime() + 50_000_000L;
    for (int i = 0; i < m; i++) {
      long target = anchor + i * SEND_GAP.toNanos();
      long wait;
      while ((wait = target - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      p.ids.add(whatsapp.send(steadyRecipient(i), "steady " + i));
    }
    boolean complete = p.await(lead.toMillis() + seconds * 1000L + 30_000, receiver);
    String cpu = p.cpuUntil(CpuSample.now(receiver));
    phase = null;
    List<JournaledAttempt> all = new ArrayList<>(p.attempts);
    List<JournaledAttempt> ok = all.stream().filter(JournaledAttempt::delivered).toList();
    int missing = p.expected - all.size();
    say(String.format(Locale.ROOT, "steady: %d attempts, %d answered 2xx, %d failed%s", all.size(), ok.size(),
        all.size() - ok.size(), missing > 0 ? ", " + missing + " MISSING (timed out)" : ""));
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
    say(String.format(Locale.ROOT, "steady: due times as played: gap between consecutive callbacks p1 %.3f ms, "
            + "median %.3f ms, p99 %.3f ms (planned %.3f ms)", rank(gaps, 0.01) / 1e6, rank(gaps, 0.5) / 1e6,
        rank(gaps, 0.99) / 1e6, share.toNanos() / 1e6));
    long[] sent = all.stream().mapToLong(a -> nanos(a.sentAt())).sorted().toArray();
    double achieved = (sent.length - 1) / ((sent[sent.length - 1] - sent[0]) / 1e9);
    long[] late = all.stream().mapToLong(a -> Duration.between(a.dueAt(), a.sentAt()).toNanos()).sorted().toArray();
    say(String.format(Locale.ROOT, "steady: achieved %.0f callbacks/s over %.2f s", achieved,
        (sent[sent.length - 1] - sent[0]) / 1e9));
    say(String.format(Locale.ROOT, "steady: lateness (sent_at - due_at): min %.3f ms, p50 %.3f ms, p90 %.3f ms, "
            + "p99 %.3f ms, p99.9 %.3f ms, max %.3f ms", late[0] / 1e6, rank(late, 0.5) / 1e6, rank(late, 0.9) / 1e6,
        rank(late, 0.99) / 1e6, rank(late, 0.999) / 1e6, late[late.length - 1] / 1e6));
    List<GcPauses.Pause> pauses = gcPauses.between(due[0] / 1_000_000 - 1000, sent[sent.length - 1] / 1_000_000);
    List<JournaledAttempt> tooLate = all.stream()
        .filter(a -> Duration.between(a.dueAt(), a.sentAt()).toNanos() > LATE_NANOS).toList();
    long duringGc = tooLate.stream()
        .filter(a -> GcPauses.overlaps(pauses, a.dueAt().toEpochMilli(), a.sentAt().toEpochMilli())).count();
    say(String.format(Locale.ROOT, "steady: %d callbacks later than %d ms, %d of them waited through a GC pause of "
        + "the simulator (%s)", tooLate.size(), LATE_NANOS / 1_000_000, duringGc, GcPauses.describe(pauses)));
    long[] rtt = all.stream().mapToLong(JournaledAttempt::latencyMs).sorted().toArray();
    say(String.format(Locale.ROOT, "steady: request round trip (latency_ms) p50 %d ms, p99 %d ms, max %d ms",
        rank(rtt, 0.50), rank(rtt, 0.99), rtt[rtt.length - 1]));
    summary.put("steady_rate_per_s", String.format(Locale.ROOT, "%.0f", achieved));
    summary.put("lateness_p50_ms", String.format(Locale.ROOT, "%.2f", rank(late, 0.5) / 1e6));
    summary.put("lateness_p99_ms", String.format(Locale.ROOT, "%.2f", rank(late, 0.99) / 1e6));
    summary.put("lateness_max_ms", String.format(Locale.ROOT, "%.2f", late[late.length - 1] / 1e6));
    return complete && missing == 0;
  }

  /** Failed attempts by outcome and response code, e.g. {@code timeout x1, answered 503 x2}. */
  private static String failures(List<JournaledAttempt> attempts) {
    Map<String, Long> byKind = new java.util.TreeMap<>();
    attempts.stream().filter(a -> !a.delivered())
        .forEach(a -> byKind.merge(a.outcome().word() + (a.responseCode() == null ? "" : " " + a.responseCode())
            + " after " + a.latencyMs() + " ms", 1L, Long::sum));
    StringBuilder out = new StringBuilder();
    byKind.forEach((k, n) -> out.append(out.length() == 0 ? "" : ", ").append(k).append(" x").append(n));
    return out.toString();
  }

  private static String steadyRecipient(int i) {
    return STEADY_TO_PREFIX + String.format(Locale.ROOT, "%04d", 1000 + i);
  }

  // ---------------------------------------------------------------- shared

  /** Uploads a burst scenario, sends the messages and waits for every callback (or a time-out). */
  private Burst burst(String name, String to, int count, Duration at, SimulatorClient whatsapp) throws Exception {
    String id = "bench-" + name;
    whatsapp.upload(BenchScenarios.burst(id, perMessage, at));
    whatsapp.bind(to, id);
    Phase p = new Phase(name, count * perMessage);
    long postsBefore = receiver.count();
    phase = p;
    Instant sendStart = clock.now();
    whatsapp.sendMany(to, count, senders, p.ids::add);
    Instant sendEnd = clock.now();
    boolean complete = p.await(at.toMillis() + 60_000, receiver);
    Instant finished = clock.now();
    CpuSample end = CpuSample.now(receiver);
    phase = null;
    long posts = receiver.count() - postsBefore;
    return new Burst(p.expected, new ArrayList<>(p.attempts), complete, count, sendStart, sendEnd, finished,
        p.cpuUntil(end), posts, p.gcSince());
  }

  private void heard(JournaledAttempt a) {
    Phase p = phase;
    if (p != null && p.ids.contains(a.message())) {
      p.attempts.add(a);
      p.first.countDown();
      p.done.countDown();
    } else {
      strays.incrementAndGet();
    }
  }

  /** The attempts of one part of the run, heard as the journal writes them. */
  private static final class Phase {
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

    /** Waits for the first callback, then notes the CPU and heap counters; then waits for the last one. */
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
      return start.usageUntil(end) + (kb < 0 ? "" : String.format(Locale.ROOT, "; %.1f KB allocated per callback", kb));
    }

    String gcSince() {
      return "GC in the simulator: " + (gcCount() - gcCount0) + " collections, " + (gcMillis() - gcMillis0) + " ms";
    }
  }

  /** A burst of callbacks, all due soon after their send. */
  private record Burst(int expected, List<JournaledAttempt> attempts, boolean complete, int messages,
      Instant sendStart, Instant sendEnd, Instant finished, String cpu, long receiverPosts, String gc) {

    double sendSeconds() {
      return seconds(sendStart, sendEnd);
    }

    double sendsPerSecond() {
      return messages / sendSeconds();
    }

    double wallSeconds() {
      return seconds(sendStart, finished);
    }

    Optional<Instant> firstSent() {
      return attempts.stream().map(JournaledAttempt::sentAt).min(Comparator.naturalOrder());
    }
  }

  private static long rank(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
        + " (" + System.getProperty("java.vm.name") + ")" + cpuModel().map(m -> ", " + m).orElse("");
  }

  private static Optional<String> cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim().replaceAll("\\s+", " "))
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
