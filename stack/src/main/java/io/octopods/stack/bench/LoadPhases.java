package io.octopods.stack.bench;

import static io.octopods.stack.bench.BenchLog.say;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The load phases: warm-up (closed loop, not counted), saturation (closed loop with {@code
 * --connections} in flight: the peak) and steady (open loop at 80 % of the peak, the tail probe and
 * the visibility sampler on), with the HubSpot backlog read throughout saturation and steady.
 */
final class LoadPhases {
  /** What the phases measured. */
  record Figures(
      PhaseResult warmUp,
      PhaseResult saturation,
      PhaseResult steady,
      List<HubSpotBacklog.Sample> backlog,
      Samples visible,
      List<String> visibility) {}

  private final BenchOptions options;
  private final LoadDriver driver;
  private final CallbackMix mix;
  private final PostgresPhases pg;
  private final BenchStore store;
  private final String baseUrl;
  private final String apiKey;
  private final HubSpotEvents hubspot;

  LoadPhases(
      BenchOptions options,
      LoadDriver driver,
      CallbackMix mix,
      PostgresPhases pg,
      BenchStore store,
      String baseUrl,
      String apiKey,
      HubSpotEvents hubspot) {
    this.options = options;
    this.driver = driver;
    this.mix = mix;
    this.pg = pg;
    this.store = store;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.hubspot = hubspot;
  }

  Figures run(ServiceHealth health) throws Exception {
    int connections = options.connections;
    PhaseResult warm =
        driver.closed(
            "warm-up", mix.next(options.warmup * 5000, false), connections, options.warmup);
    say(warm.describe() + " (not counted)");

    int planned = (int) Math.max(40_000, warm.perSecond() * 5 * options.duration);
    PhaseResult peak;
    PhaseResult steady;
    List<HubSpotBacklog.Sample> backlog;
    Samples visible;
    List<String> visibility = new ArrayList<>();
    try (HubSpotBacklog watch = new HubSpotBacklog(health);
        Visibility sampler = new Visibility(baseUrl, apiKey, 4)) {
      PgActivity before = pg.counters();
      peak = driver.closed("saturation", mix.next(planned, true), connections, options.duration);
      say(peak.describe() + pg.line("saturation", before, peak.startWallMs(), peak.endWallMs()));

      double rate = 0.8 * peak.perSecond();
      int steadyCount = (int) (rate * options.duration);
      List<Callback> steadyLoad =
          new ArrayList<>(peak.unused.subList(0, Math.min(steadyCount, peak.unused.size())));
      steadyLoad.addAll(mix.next(steadyCount - steadyLoad.size(), true));
      say(
          String.format(
              Locale.ROOT,
              "steady: open loop at %.0f callbacks/s (80 %% of the peak) for %d s, %d senders; "
                  + "latency counted from each callback's due time; PostgreSQL sampled every %d ms",
              rate,
              options.duration,
              options.steadyThreads(),
              TailProbe.EVERY_MS));
      sampler.on(true);
      TailProbe.Evidence evidence;
      try (TailProbe probe = new TailProbe(store.connect(), store.schema)) {
        steady = driver.open("steady-80%", steadyLoad, options.steadyThreads(), rate, sampler);
        evidence = probe.stop();
      }
      sampler.on(false);
      say(steady.describe());
      pg.tailReport(steady, evidence, hubspot).forEach(BenchLog::say);
      say(
          "HubSpot backlog after the steady phase: "
              + health.read().pendingHubSpot()
              + " events pending (the "
              + "pusher's backlog, kept in the outbox)");
      sampler.close();
      backlog = watch.samples();
      visible = sampler.visible;
      visibility.add(
          String.format(
              Locale.ROOT,
              "visibility (steady): %d sampled callbacks, send -> status on "
                  + "GET /api/v1/{channel}/messages/{id}: p50 %.2f ms, p99 %.2f ms, max %.2f ms; %d never seen within 10 s",
              visible.size(),
              visible.ms(0.5),
              visible.ms(0.99),
              visible.maxMs(),
              sampler.neverSeen.get()));
    }
    return new Figures(warm, peak, steady, backlog, visible, visibility);
  }
}
