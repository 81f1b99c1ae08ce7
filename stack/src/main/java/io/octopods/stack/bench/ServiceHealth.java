package io.octopods.stack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.octopods.simulator.core.http.KeptAliveConnections;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The service's {@code GET /health}: HubSpot events not pushed yet ({@code pending.hubspot}, dead
 * letters excluded) and dead letters ({@code dead.hubspot}, 0 when the answer has no {@code dead}).
 */
final class ServiceHealth implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One answer of {@code /health}. */
  record Reading(long pendingHubSpot, long deadHubSpot) {}

  private final URI server;
  private final KeptAliveConnections http =
      new KeptAliveConnections(Duration.ofSeconds(5), Duration.ofSeconds(30));

  ServiceHealth(String baseUrl) {
    this.server = URI.create(baseUrl);
  }

  Reading read() throws IOException {
    KeptAliveConnections.Answer a =
        http.get(server, "/health", Map.of("Accept", "application/json"));
    if (a.status() != 200) {
      throw new IOException("GET /health answered " + a.status() + ": " + a.text());
    }
    return parse(a.text());
  }

  static Reading parse(String body) throws IOException {
    JsonNode health = JSON.readTree(body);
    JsonNode pending = health.path("pending").path("hubspot");
    if (!pending.isNumber()) {
      throw new IOException("GET /health has no pending.hubspot count: " + body);
    }
    return new Reading(pending.asLong(), health.path("dead").path("hubspot").asLong(0));
  }

  /**
   * Waits until no HubSpot event is pending, reading every 200 ms, until {@code deadlineMs} (epoch
   * ms); answers the wall time of the reading that found none, or empty when events were still
   * pending at the deadline.
   */
  OptionalLong awaitHubSpotDrained(long deadlineMs) throws IOException, InterruptedException {
    while (true) {
      if (read().pendingHubSpot() == 0) {
        return OptionalLong.of(System.currentTimeMillis());
      }
      if (System.currentTimeMillis() >= deadlineMs) {
        return OptionalLong.empty();
      }
      Thread.sleep(200);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
