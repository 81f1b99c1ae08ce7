package io.octopods.features.bench;

import static io.octopods.features.bench.BenchLog.say;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * HubSpot's own rate limit on its simulator ({@code POST /__sim/hubspot/limits}): beyond it HubSpot's real
 * {@code 429} and rate-limit headers, and the service's pusher waits for the window, as it would in production. The
 * HubSpot outbox then absorbs a burst instead of an unlimited in-process HubSpot taking the cores from the webhooks.
 */
final class HubSpotLimit {
  private HubSpotLimit() {}

  static void apply(String hubspotBaseUrl, BenchOptions options) throws Exception {
    if (options.hubspotPer10s <= 0) {
      say("HubSpot simulator: no rate limit (--hubspot-per-10s 0): the pusher pushes as fast as it can");
      return;
    }
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(hubspotBaseUrl + "/__sim/hubspot/limits"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"per_10s\": " + options.hubspotPer10s
            + ", \"policy\": \"TEN_SECONDLY_ROLLING\"}")).build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("the HubSpot simulator refused its limits: " + answer.statusCode() + " "
          + answer.body() + "; check POST /__sim/hubspot/limits in docs/simulator.md");
    }
    say(String.format(Locale.ROOT, "HubSpot simulator: at most %d calls per 10 s (HubSpot's limit of an app per "
            + "account; beyond it a 429 with HubSpot's rate-limit headers); with %d events per batch call "
            + "(OCTOPODS_HUBSPOT_BATCH_SIZE) HubSpot takes %.0f events/s", options.hubspotPer10s,
        options.hubspotBatchSize(), options.hubspotCapacity()));
  }
}
