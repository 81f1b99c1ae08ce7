package io.octopods.stack.bench;

import static io.octopods.stack.bench.BenchLog.say;

import io.octopods.service.config.ServiceSettings;
import io.octopods.stack.ServiceProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run, phase by phase: messages stored, the ceiling's copies made, warm-up, saturation, steady
 * at 80 % (with the tail probe), the HubSpot backlog drained, the ceiling replaying saturation's
 * groups (then one report per transaction), convergence, and the lost-report check; answers the
 * summary.
 */
final class BenchRun {
  private final BenchOptions options;
  private final BenchStore store;
  private final ServiceProcess service;
  private final Path gcLog;
  private final ServiceSettings settings;
  private final String apiKey;
  private final HubSpotEvents hubspot;
  private final CpuMeter cpu;
  private final double hubspotCapacity;
  private final boolean databaseLocal;
  private final Summary summary = new Summary();

  /**
   * @param databaseLocal PostgreSQL runs on this machine (its processes and server log can be read)
   */
  BenchRun(
      BenchOptions options,
      BenchStore store,
      ServiceProcess service,
      Path gcLog,
      ServiceSettings settings,
      String apiKey,
      HubSpotEvents hubspot,
      CpuMeter cpu,
      boolean databaseLocal) {
    this.options = options;
    this.store = store;
    this.service = service;
    this.gcLog = gcLog;
    this.settings = settings;
    this.apiKey = apiKey;
    this.hubspot = hubspot;
    this.cpu = cpu;
    this.hubspotCapacity = options.hubspotCapacity();
    this.databaseLocal = databaseLocal;
  }

  Summary run() throws Exception {
    List<BenchMessage> all = storeMessages();
    long t = System.nanoTime();
    int copied = CeilingTables.copy(store, CeilingTables.GROUPED);
    CeilingTables.copy(store, CeilingTables.SINGLE);
    say(
        String.format(
            Locale.ROOT,
            "ceiling tables: the %d messages copied twice (grouped, single) before the load, "
                + "in %.1f s",
            copied,
            (System.nanoTime() - t) / 1e9));

    CallbackMix mix =
        new CallbackMix(
            all,
            new CallbackSigner(settings.providers(), settings.publicUrl()),
            7,
            options.sampleEvery);
    Set<String> acked = ConcurrentHashMap.newKeySet();
    LoadDriver driver = new LoadDriver(service.baseUrl(), acked, cpu);
    try (Connection probe = store.connect();
        ServiceHealth health = new ServiceHealth(service.baseUrl())) {
      PostgresPhases pg = new PostgresPhases(probe, gcLog, databaseLocal);
      LoadPhases load =
          new LoadPhases(options, driver, mix, pg, store, service.baseUrl(), apiKey, hubspot);
      HubSpotEvents.Tally beforeLoad = hubspot.tally();
      LoadPhases.Figures f = load.run(health);
      loadFigures(f);
      hubspotThroughput(f);
      say("HubSpot over warm-up, saturation and steady: " + hubspot.tally().since(beforeLoad));
      drain(f, health);
      f.visibility().forEach(BenchLog::say);

      new CeilingPhase(options, store, cpu, pg).run(f, health.read().pendingHubSpot(), summary);
      convergence(f, driver, mix, health);
      if (mix.passes() > 0) {
        say(
            "NOTE: the run used every message "
                + mix.passes()
                + " time(s) over; later reports are stale "
                + "duplicates (raise --messages)");
      }
      summary.put("dead_letters", health.read().deadHubSpot());
    }
    lostCheck(acked);
    return summary;
  }

  /**
   * Waits for the HubSpot backlog to drain, at most {@code --drain-timeout} s after the steady
   * phase's end.
   */
  private void drain(LoadPhases.Figures f, ServiceHealth health) throws Exception {
    long steadyEnd = f.steady().endWallMs();
    OptionalLong drainedAt = health.awaitHubSpotDrained(steadyEnd + options.drainTimeout * 1000L);
    double seconds =
        drainedAt.isPresent()
            ? Math.max(0, drainedAt.getAsLong() - steadyEnd) / 1000.0
            : options.drainTimeout;
    summary.put("hubspot_drain_s", seconds, 1);
    say(
        drainedAt.isPresent()
            ? String.format(
                Locale.ROOT, "HubSpot backlog drained %.1f s after the steady phase's end", seconds)
            : "HubSpot backlog NOT drained within "
                + options.drainTimeout
                + " s of the steady phase's end "
                + "(--drain-timeout): "
                + health.read().pendingHubSpot()
                + " events still pending");
  }

  private List<BenchMessage> storeMessages() throws Exception {
    Random random = new Random(42);
    List<BenchMessage> all = new ArrayList<>(options.messages);
    for (int i = 0; i < options.messages; i++) {
      all.add(BenchMessage.make(i, random));
    }
    long t = System.nanoTime();
    store.insert(all, "bench", !options.noContacts);
    say(
        String.format(
            Locale.ROOT,
            "stored %d messages (sms, whatsapp, viber; UNKNOWN, provider id known, %s) "
                + "from this JVM through the service's JdbcMessageStore in %.1f s",
            options.messages,
            options.noContacts
                ? "no contact.email"
                : "with contact.email, so each public change queues a HubSpot push",
            (System.nanoTime() - t) / 1e9));
    return all;
  }

  private void loadFigures(LoadPhases.Figures f) {
    PhaseResult peak = f.saturation();
    summary.put("callbacks_per_s", peak.perSecond(), 0);
    summary.put("p50_ms", peak.latency.ms(0.50), 2);
    summary.put("p99_ms", peak.latency.ms(0.99), 2);
    summary.put("p999_ms", peak.latency.ms(0.999), 2);
    summary.put("p99_at_80pct_ms", f.steady().latency.ms(0.99), 2);
    summary.put("visible_p99_ms", f.visible().ms(0.99), 2);
    summary.put("service_cpu_ms_per_callback", CpuUse.per(peak.cpu.serviceMs(), peak.ok.get()), 3);
    summary.put("db_cpu_ms_per_report", CpuUse.per(peak.cpu.databaseMs(), peak.reportsOk.get()), 3);
    summary.put("driver_cpu_ms_per_callback", CpuUse.per(peak.cpu.driverMs(), peak.ok.get()), 3);
  }

  private void hubspotThroughput(LoadPhases.Figures f) {
    HubSpotBacklog.Throughput t =
        HubSpotBacklog.whileBacklogged(
            f.backlog(),
            options.hubspotBatchSize(),
            f.saturation().startWallMs(),
            f.steady().endWallMs(),
            hubspot::createdBetween);
    say(
        "HubSpot over saturation and steady (events the simulator created, heard in this JVM, while at least "
            + options.hubspotBatchSize()
            + " were pending): "
            + t.describe()
            + String.format(
                Locale.ROOT,
                "; capacity %s events/s (%d calls per 10 s x %d per batch / 10)",
                Double.isNaN(hubspotCapacity)
                    ? "unlimited"
                    : String.format(Locale.ROOT, "%.0f", hubspotCapacity),
                options.hubspotPer10s,
                options.hubspotBatchSize()));
    summary.put("hubspot_events_per_s", t.perSecond(), 1);
    summary.put("hubspot_capacity_per_s", hubspotCapacity, 0);
    summary.put("hubspot_use", t.perSecond() / hubspotCapacity, 2);
  }

  private void convergence(
      LoadPhases.Figures f, LoadDriver driver, CallbackMix mix, ServiceHealth health)
      throws Exception {
    long callbacks = f.warmUp().ok.get() + f.saturation().ok.get() + f.steady().ok.get();
    double changesPerCallback = (double) store.hubspotEventsQueued() / Math.max(1, callbacks);
    double rate =
        Convergence.rate(hubspotCapacity, changesPerCallback, 0.8 * f.saturation().perSecond());
    say(
        String.format(
            Locale.ROOT,
            "convergence: open loop at %.0f callbacks/s for %d s (%.2f public changes per "
                + "callback so far, so about %.0f HubSpot events/s, %s); one message in %d watched from its callback's 2xx",
            rate,
            options.duration,
            changesPerCallback,
            rate * changesPerCallback,
            Double.isNaN(hubspotCapacity)
                ? "HubSpot not limited"
                : String.format(
                    Locale.ROOT,
                    "%.0f %% of its capacity",
                    100 * rate * changesPerCallback / hubspotCapacity),
            options.sampleEvery));
    List<Callback> load = mix.next((int) (rate * options.duration), true);
    HubSpotEvents.Tally before = hubspot.tally();
    Convergence.Outcome outcome =
        Convergence.run(
            driver,
            load,
            options.steadyThreads(),
            rate,
            new SurfaceLag(service.baseUrl(), apiKey, 8),
            hubspot);
    say(outcome.phase().describe());
    say(outcome.describe());
    say(
        "HubSpot during convergence: "
            + hubspot.pacing(outcome.phase().startWallMs(), outcome.phase().endWallMs()));
    say(
        "HubSpot over convergence and the wait after it: "
            + hubspot.tally().since(before)
            + "; "
            + health.read().pendingHubSpot()
            + " events pending at the end");
    summary.put("hubspot_lag_p99_s", outcome.hubspotP99Seconds(), 2);
    summary.put("surfaces_lag_p99_ms", outcome.surfacesP99Ms(), 2);
  }

  private void lostCheck(Set<String> acked) throws Exception {
    BenchStore.Stored stored = store.stored();
    long lost = acked.stream().filter(k -> !stored.keys().contains(k)).count();
    say(
        String.format(
            Locale.ROOT,
            "lost check: %d reports acknowledged with 2xx, %d callback events in the history "
                + "(%d distinct report ids), %d orphans; acknowledged but missing from the history: %d",
            acked.size(),
            stored.historyRows(),
            stored.keys().size(),
            stored.orphans(),
            lost));
    summary.put("lost", lost);
  }
}
