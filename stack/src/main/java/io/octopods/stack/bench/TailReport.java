package io.octopods.stack.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * "Where the tail comes from": an open-loop phase's slow answers by the second they were due in,
 * beside what PostgreSQL's backends and background processes were doing in that second ({@link
 * TailProbe}), how much WAL and how many full-page images it wrote, the service's GC pauses and the
 * HubSpot pusher's calls (each a batch the service claimed, built and marked done); then the same
 * over the whole phase, and the checkpoints of the server log that overlap it.
 */
final class TailReport {
  private static final int SLOWEST_SECONDS = 5;

  private final PhaseResult phase;
  private final TailProbe.Evidence probe;
  private final GcLog gc;
  private final List<PostgresLog.Checkpoint> checkpoints;
  private final String serverLog;
  private final HubSpotEvents hubspot;

  /**
   * @param serverLog where the checkpoints were read from, or why they were not
   */
  TailReport(
      PhaseResult phase,
      TailProbe.Evidence probe,
      GcLog gc,
      List<PostgresLog.Checkpoint> checkpoints,
      String serverLog,
      HubSpotEvents hubspot) {
    this.phase = phase;
    this.probe = probe;
    this.gc = gc;
    this.checkpoints = checkpoints;
    this.serverLog = serverLog;
    this.hubspot = hubspot;
  }

  List<String> lines() {
    SecondTally t = phase.seconds;
    long start = t.startWallMs;
    int n = t.seconds();
    long end = start + n * 1000L;
    long slow = IntStream.range(0, n).mapToLong(t::slow).sum();
    long all = IntStream.range(0, n).mapToLong(t::count).sum();
    List<Integer> slowSeconds =
        IntStream.range(0, n)
            .filter(s -> t.slow(s) > 0)
            .boxed()
            .sorted(Comparator.comparingLong((Integer s) -> t.slow(s)).reversed())
            .toList();
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "where the %s tail comes from: p99 %.2f ms; %d of %d callbacks (%.2f %%) "
                + "answered more than %.0f ms after they were due, in %d of %d seconds",
            phase.name,
            phase.latency.ms(0.99),
            slow,
            all,
            all == 0 ? 0 : 100.0 * slow / all,
            SecondTally.SLOW_MS,
            slowSeconds.size(),
            n));
    for (int s : slowSeconds.subList(0, Math.min(SLOWEST_SECONDS, slowSeconds.size()))) {
      out.add(
          String.format(
              Locale.ROOT,
              "    second %d: %d of %d slow, slowest %.0f ms; %s",
              s,
              t.slow(s),
              t.count(s),
              t.maxMs(s),
              beside(List.of(s))));
    }
    List<Integer> calm = IntStream.range(0, n).filter(s -> t.slow(s) == 0).boxed().toList();
    if (!calm.isEmpty() && !slowSeconds.isEmpty()) {
      out.add(
          "    the " + calm.size() + " seconds without a slow answer, together: " + beside(calm));
    }
    Map<String, Integer> service = probe.service(start, end);
    int samples = probe.samplesIn(start, end);
    int busy =
        service.entrySet().stream()
            .filter(e -> !e.getKey().equals(TailProbe.IN_TRANSACTION))
            .mapToInt(Map.Entry::getValue)
            .sum();
    out.add(
        String.format(
            Locale.ROOT,
            "    service backends over the phase (pg_stat_activity every %d ms, %d "
                + "samples, %.1f running or waiting at a time): %s",
            TailProbe.EVERY_MS,
            samples,
            samples == 0 ? 0 : (double) busy / samples,
            shares(service, 8)));
    for (String type :
        List.of("checkpointer", "walwriter", "background writer", "autovacuum worker")) {
      Map<String, Integer> b = probe.background(type);
      if (!b.isEmpty()) {
        out.add("    " + type + ": " + shares(b, 4));
      }
    }
    if (probe.first() != null && probe.last() != null) {
      out.add("    PostgreSQL over the phase: " + probe.last().minus(probe.first()).describe());
    }
    out.add("    " + checkpointLines(start, end));
    out.add("    service GC over the phase: " + gc.within(start, end).describe());
    return out;
  }

  /**
   * Backends, checkpoint, WAL, GC and HubSpot calls over some seconds of the phase, taken together.
   */
  private String beside(List<Integer> seconds) {
    long start = phase.seconds.startWallMs;
    Map<String, Integer> service = new java.util.HashMap<>();
    double checkpoint = 0;
    int checkpointKnown = 0;
    double walPerSecond = 0;
    int walKnown = 0;
    long walRecords = 0;
    long walFpi = 0;
    double gcMs = 0;
    int gcCount = 0;
    long callbacks = 0;
    long hubspotCalls = 0;
    long hubspotEvents = 0;
    for (int s : seconds) {
      long from = start + s * 1000L;
      long to = from + 1000;
      callbacks += phase.seconds.count(s);
      probe.service(from, to).forEach((k, v) -> service.merge(k, v, Integer::sum));
      double c = probe.checkpointInProgress(from, to);
      if (!Double.isNaN(c)) {
        checkpoint += c;
        checkpointKnown++;
      }
      TailProbe.Counters change = probe.change(from, to);
      if (change != null && change.atMs() > 0) {
        walPerSecond += change.activity().walPosition() * 1000.0 / change.atMs();
        walKnown++;
        walRecords += change.activity().walRecords();
        walFpi += change.activity().walFpi();
      }
      GcLog.Pauses p = gc.within(from, to);
      gcMs += p.totalMs();
      gcCount += p.count();
      hubspotCalls += hubspot.callsBetween(from, to);
      hubspotEvents += hubspot.createdBetween(from, to);
    }
    double wal = walKnown == 0 ? Double.NaN : walPerSecond / walKnown;
    double perCallback = callbacks == 0 ? Double.NaN : wal * seconds.size() / callbacks / 1e3;
    return String.format(
        Locale.ROOT,
        "backends %s; a checkpoint in progress in %.0f %% of the samples; WAL %.1f "
            + "MB/s (%.1f kB per callback), %.0f %% of its records full-page images; GC %d pauses, %.1f ms; "
            + "HubSpot %.1f calls/s, %.0f events/s",
        shares(service, 3),
        checkpointKnown == 0 ? Double.NaN : 100 * checkpoint / checkpointKnown,
        wal / 1e6,
        perCallback,
        walRecords == 0 ? 0 : 100.0 * walFpi / walRecords,
        gcCount,
        gcMs,
        (double) hubspotCalls / seconds.size(),
        (double) hubspotEvents / seconds.size());
  }

  private String checkpointLines(long from, long to) {
    if (checkpoints == null) {
      return "server log: " + serverLog;
    }
    List<String> found =
        checkpoints.stream()
            .filter(c -> c.overlaps(from, to))
            .map(
                c ->
                    String.format(
                        Locale.ROOT,
                        "checkpoint (%s) from %s to %s",
                        c.why(),
                        offset(c.startMs(), from),
                        c.endMs() < 0
                            ? "after the log ends"
                            : offset(c.endMs(), from) + " (" + c.complete() + ")"))
            .toList();
    return "server log ("
        + serverLog
        + "): "
        + (found.isEmpty() ? "no checkpoint overlaps the phase" : String.join("; ", found));
  }

  private static String offset(long ms, long from) {
    return ms < 0 ? "before the log" : String.format(Locale.ROOT, "%+.1f s", (ms - from) / 1000.0);
  }

  /** The largest entries as shares of all, e.g. {@code IO:WALSync 41 %, running (CPU) 30 %}. */
  static String shares(Map<String, Integer> tally, int top) {
    int all = tally.values().stream().mapToInt(Integer::intValue).sum();
    if (all == 0) {
      return "(none sampled)";
    }
    return tally.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100.0 * e.getValue() / all))
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }
}
