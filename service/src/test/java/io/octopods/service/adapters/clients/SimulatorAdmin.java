package io.octopods.service.adapters.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.simulator.Simulators;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A simulator's admin API ({@code /__sim/...}) as the client tests use it: scenarios, bindings, what it received. */
public final class SimulatorAdmin {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final AtomicInteger NUMBERS = new AtomicInteger();

  private final String baseUrl;

  public SimulatorAdmin(Simulators sims, String provider) {
    this.baseUrl = sims.baseUrl(provider);
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** A recipient no other test of this run uses. */
  public static String freshRecipient() {
    return "+1555" + (2_000_000 + NUMBERS.incrementAndGet());
  }

  /** A queued message to {@code to}, as the hand-off hands it to a client. */
  public static MessageRecord message(Channel channel, String to) {
    Instant now = Instant.now();
    return new MessageRecord(UUID.randomUUID().toString(), "demo", channel, to, "Hello from Octopods 👋",
        Optional.empty(), Optional.empty(), Status.QUEUED, now, now, Optional.empty(), Map.of(Status.QUEUED, now));
  }

  public JsonNode info() {
    return call("GET", "/__sim/info", null, null, 200);
  }

  public JsonNode credentials() {
    return info().path("credentials");
  }

  /** Uploads a scenario (YAML) and binds it to {@code to}. */
  public void play(String to, String scenarioYaml) {
    JsonNode uploaded = call("POST", "/__sim/scenarios", "application/yaml", scenarioYaml, -1);
    String id = uploaded.path("id").asText();
    call("POST", "/__sim/bindings", "application/json",
        JSON.createObjectNode().put("to", to).put("scenario", id).toString(), 201);
  }

  /** What the simulator received for {@code to}: {@code provider_message_id}, {@code attempts}, {@code correlation}. */
  public List<JsonNode> messages(String to) {
    JsonNode body = call("GET", "/__sim/messages?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8), null, null, 200);
    List<JsonNode> list = new ArrayList<>();
    body.path("messages").forEach(list::add);
    return list;
  }

  private JsonNode call(String method, String path, String contentType, String body, int expected) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      boolean ok = expected < 0 ? r.statusCode() / 100 == 2 : r.statusCode() == expected;
      if (!ok) {
        throw new AssertionError(method + " " + baseUrl + path + " answered " + r.statusCode() + ", expected "
            + (expected < 0 ? "2xx" : expected) + ": " + r.body());
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
