package io.octopods.stack.bench;

import static io.octopods.stack.bench.BenchLog.say;

import io.octopods.simulator.SimulatorClient;
import java.util.Locale;

/**
 * HubSpot's own rate limit on its simulator (its admin API's HubSpot limits): beyond it HubSpot's
 * real {@code 429} and rate-limit headers, and the service's pusher waits for the window, as it
 * would in production. The HubSpot outbox then absorbs a burst instead of an unlimited in-process
 * HubSpot taking the cores from the webhooks.
 */
final class HubSpotLimit {
  private HubSpotLimit() {}

  static void apply(SimulatorClient simulators, BenchOptions options) throws Exception {
    if (options.hubspotPer10s <= 0) {
      say(
          "HubSpot simulator: no rate limit (--hubspot-per-10s 0): the pusher pushes as fast as it can");
      return;
    }
    try {
      simulators.setHubSpotLimits(
          SimulatorClient.HubSpotLimits.rateLimit(options.hubspotPer10s)
              .policy("TEN_SECONDLY_ROLLING"));
    } catch (SimulatorClient.Refused e) {
      throw new IllegalStateException(
          "the HubSpot simulator refused its limits: " + e.getMessage(), e);
    }
    say(
        String.format(
            Locale.ROOT,
            "HubSpot simulator: at most %d calls per 10 s (HubSpot's limit of an app per "
                + "account; beyond it a 429 with HubSpot's rate-limit headers); with %d events per batch call "
                + "(OCTOPODS_HUBSPOT_BATCH_SIZE) HubSpot takes %.0f events/s",
            options.hubspotPer10s,
            options.hubspotBatchSize(),
            options.hubspotCapacity()));
  }
}
