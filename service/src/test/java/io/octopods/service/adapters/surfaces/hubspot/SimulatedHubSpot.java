package io.octopods.service.adapters.surfaces.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.octopods.simulator.Simulators;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The HubSpot simulator's admin API as these tests use it: timelines, limits, its virtual clock, reset. */
final class SimulatedHubSpot {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;

  SimulatedHubSpot(Simulators sims) {
    this.baseUrl = sims.baseUrl("hubspot");
  }

  String baseUrl() {
    return baseUrl;
  }

  /** A contact no other test of this run uses. */
  static String freshEmail() {
    return "contact-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  String accessToken() {
    return call("GET", "/__sim/info", null, 200).path("credentials").path("access_token").asText();
  }

  String eventTemplateId() {
    return call("GET", "/__sim/info", null, 200).path("credentials").path("event_template_id").asText();
  }

  /** Forgets every timeline and limit. */
  void reset() {
    call("POST", "/__sim/reset", null, 204);
  }

  /** {@code POST /__sim/hubspot/limits} with a JSON object such as {@code {"per_10s": 2}}. */
  void limits(String json) {
    call("POST", "/__sim/hubspot/limits", json, 200);
  }

  /** {@code POST /__sim/hubspot/refusals}: every event for the contact is refused with {@code status} (400, 404). */
  void refuse(String email, int status) {
    call("POST", "/__sim/hubspot/refusals", "{\"email\": \"" + email + "\", \"status\": " + status + "}", 201);
  }

  /** {@code DELETE /__sim/hubspot/refusals}: HubSpot takes every contact's events again. */
  void liftRefusals() {
    call("DELETE", "/__sim/hubspot/refusals", null, 204);
  }

  /** Moves the simulator's virtual clock (and so its rate window) forward. */
  void advance(Duration by) {
    call("POST", "/__sim/clock/advance", "{\"by\": \"" + by.toMillis() + "ms\"}", 200);
  }

  /** The contact's events in the order received. */
  List<JsonNode> timeline(String email) {
    JsonNode body = call("GET", "/__sim/hubspot/timeline?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8),
        null, 200);
    List<JsonNode> events = new ArrayList<>();
    body.path("events").forEach(events::add);
    return events;
  }

  /** The ids of the contact's events in the order received. */
  List<String> ids(String email) {
    return timeline(email).stream().map(e -> e.path("id").asText()).toList();
  }

  private JsonNode call(String method, String path, String json, int expected) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != expected) {
        throw new AssertionError(method + " " + baseUrl + path + " answered " + r.statusCode() + ", expected "
            + expected + ": " + r.body());
      }
      return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + baseUrl + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
