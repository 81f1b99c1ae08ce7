package io.octopods.stack.bench;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The convergence phase: an open loop at a rate whose public status changes stay under HubSpot's
 * capacity, and for each sampled callback the time from its {@code 2xx} until the API, Intercom,
 * Reach ({@link SurfaceLag}) and HubSpot ({@link HubSpotEvents}: its event {@code
 * <message_id>-<STATUS>} or a later one) show its status. HubSpot is waited for up to {@value
 * #HUBSPOT_WAIT_SECONDS} s after the phase; a sample it never showed counts as that long.
 */
final class Convergence {
  static final int HUBSPOT_WAIT_SECONDS = 60;

  /** The share of HubSpot's capacity the phase aims its public status changes at. */
  static final double CAPACITY_SHARE = 0.8;

  /** What the phase measured. */
  record Outcome(
      PhaseResult phase, double rate, SurfaceLag surfaces, Samples hubspotLag, long hubspotNever) {
    /** The largest of the API's, Intercom's and Reach's p99, in ms. */
    double surfacesP99Ms() {
      double worst = Double.NaN;
      for (Surface s : Surface.values()) {
        double p99 = surfaces.lag(s).ms(0.99);
        worst = Double.isNaN(worst) || p99 > worst ? p99 : worst;
      }
      return worst;
    }

    double hubspotP99Seconds() {
      return hubspotLag.ms(0.99) / 1000;
    }

    String describe() {
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "convergence: %d sampled callbacks, from "
                      + "their 2xx until the surface shows the status:",
                  surfaces.acked().size()));
      for (Surface s : Surface.values()) {
        Samples lag = surfaces.lag(s);
        line.append(
            String.format(
                Locale.ROOT,
                " %s p50 %.2f ms, p99 %.2f ms (%d never within %d s);",
                s.name().toLowerCase(Locale.ROOT),
                lag.ms(0.5),
                lag.ms(0.99),
                surfaces.neverSeen(s),
                SurfaceLag.GIVE_UP_SECONDS));
      }
      line.append(
          String.format(
              Locale.ROOT,
              " hubspot p50 %.2f s, p99 %.2f s, max %.2f s (%d never within %d s "
                  + "of the phase's end)",
              hubspotLag.ms(0.5) / 1000,
              hubspotP99Seconds(),
              hubspotLag.maxMs() / 1000,
              hubspotNever,
              HUBSPOT_WAIT_SECONDS));
      return line.toString();
    }
  }

  private Convergence() {}

  /**
   * Callbacks per second whose public changes make {@value #CAPACITY_SHARE} of HubSpot's capacity,
   * never above {@code steadyRate} (the service's own 80 %); {@code steadyRate} when HubSpot is not
   * limited (NaN capacity).
   */
  static double rate(double capacityPerSecond, double changesPerCallback, double steadyRate) {
    if (Double.isNaN(capacityPerSecond) || changesPerCallback <= 0) {
      return steadyRate;
    }
    return Math.min(steadyRate, CAPACITY_SHARE * capacityPerSecond / changesPerCallback);
  }

  static Outcome run(
      LoadDriver driver,
      List<Callback> load,
      int threads,
      double rate,
      SurfaceLag surfaces,
      HubSpotEvents hubspot)
      throws InterruptedException {
    PhaseResult phase = driver.open("convergence", load, threads, rate, surfaces);
    surfaces.close();
    List<SurfaceLag.Acked> acked = surfaces.acked();
    long giveUp = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(HUBSPOT_WAIT_SECONDS);
    while (System.currentTimeMillis() < giveUp
        && acked.stream()
            .anyMatch(a -> hubspot.firstShowing(a.messageId(), a.status()).isEmpty())) {
      Thread.sleep(200);
    }
    Samples lag = new Samples();
    long never = 0;
    for (SurfaceLag.Acked a : acked) {
      OptionalLong shown = hubspot.firstShowing(a.messageId(), a.status());
      if (shown.isEmpty()) {
        never++;
      }
      lag.add(TimeUnit.MILLISECONDS.toNanos(Math.max(0, shown.orElse(giveUp) - a.atWallMs())));
    }
    return new Outcome(phase, rate, surfaces, lag, never);
  }
}
