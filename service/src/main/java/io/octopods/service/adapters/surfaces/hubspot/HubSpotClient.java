package io.octopods.service.adapters.surfaces.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.service.adapters.clients.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * HubSpot's timeline events API (providers.md section 5): {@code POST {base}/crm/v3/timeline/events} with a Bearer
 * token and {@code {"eventTemplateId", "email", "id", "timestamp", "tokens"}}.
 *
 * <p>Answers: {@code 201} created and {@code 409} (the id is known: an earlier try got through) are done; {@code 429}
 * is retried after HubSpot's {@code Retry-After}, else after its rate-limit window ({@code
 * X-HubSpot-RateLimit-Interval-Milliseconds} when {@code -Remaining} is 0), else after the pusher's default; {@code
 * 5xx}, {@code 401}/{@code 403} (token or scopes, fixed by configuration), {@code 408}, no connection and no answer in
 * time are retried with back-off (safe: the id makes a repeat a {@code 409}); any other {@code 4xx} is {@link
 * PushOutcome.Rejected}, since the same event would get the same answer.
 */
public final class HubSpotClient implements HubSpotTimeline {
  static final String EVENTS_PATH = "/crm/v3/timeline/events";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI events;
  private final String accessToken;
  private final String eventTemplateId;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param baseUrl the host root, {@code https://api.hubapi.com} (or the simulator's)
   * @param timeout how long connecting, and then waiting for the answer, may each take
   */
  public HubSpotClient(String baseUrl, String accessToken, String eventTemplateId, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the HubSpot timeout must be positive, was " + timeout);
    }
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.events = URI.create(base + EVENTS_PATH);
    this.accessToken = accessToken;
    this.eventTemplateId = eventTemplateId;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public PushOutcome push(HubSpotEvent event) {
    HttpRequest request = HttpRequest.newBuilder(events)
        .timeout(timeout)
        .header("Authorization", "Bearer " + accessToken)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body(event), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      return new PushOutcome.Retry("HubSpot gave no answer within " + timeout + " (" + e.getClass().getSimpleName()
          + ")", Optional.empty(), false);
    } catch (IOException e) {
      return new PushOutcome.Retry("HubSpot could not be reached or the connection broke (" + describe(e) + ")",
          Optional.empty(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PushOutcome.Retry("interrupted while waiting for HubSpot", Optional.empty(), false);
    }
    return outcome(response.statusCode(), response.headers(), response.body() == null ? "" : response.body(),
        Instant.now());
  }

  /** The request body of one event. */
  String body(HubSpotEvent event) {
    ObjectNode o = JSON.createObjectNode()
        .put("eventTemplateId", eventTemplateId)
        .put("email", event.email())
        .put("id", event.id())
        .put("timestamp", event.time());
    ObjectNode tokens = o.putObject("tokens");
    event.tokens().forEach(tokens::put);
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the event " + event.id(), e);
    }
  }

  /** What an HTTP answer means for the event; {@code receivedAt} counts an HTTP-date {@code Retry-After}. */
  static PushOutcome outcome(int status, HttpHeaders headers, String body, Instant receivedAt) {
    if (status == 201 || status == 200 || status == 409) {
      return new PushOutcome.Pushed(status);
    }
    String said = "HubSpot answered " + status + (body.isBlank() ? "" : ": " + snippet(body));
    Optional<Duration> retryAfter = headers.firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, receivedAt));
    if (status == 429) {
      return new PushOutcome.Retry(said, retryAfter.or(() -> rateWindow(headers, body)), true);
    }
    if (status >= 500 || status == 401 || status == 403 || status == 408) {
      return new PushOutcome.Retry(said, retryAfter, false);
    }
    return new PushOutcome.Rejected(status, said);
  }

  /**
   * The rolling window HubSpot names in its rate headers, when the answer says the window is used up; nothing for
   * the daily limit (its reset time is not given).
   */
  static Optional<Duration> rateWindow(HttpHeaders headers, String body) {
    JsonNode parsed = parse(body);
    if ("DAILY".equals(parsed.path("policyName").asText())) {
      return Optional.empty();
    }
    Optional<Long> remaining = number(headers, "X-HubSpot-RateLimit-Remaining");
    Optional<Long> interval = number(headers, "X-HubSpot-RateLimit-Interval-Milliseconds");
    if (interval.isPresent() && interval.get() > 0 && remaining.map(r -> r <= 0).orElse(true)) {
      return Optional.of(Duration.ofMillis(interval.get()));
    }
    return Optional.empty();
  }

  private static Optional<Long> number(HttpHeaders headers, String name) {
    return headers.firstValue(name).map(String::trim).filter(v -> v.matches("-?\\d{1,18}")).map(Long::parseLong);
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode n = body.isBlank() ? null : JSON.readTree(body);
      return n == null ? JSON.createObjectNode() : n;
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }

  private static String snippet(String body) {
    String oneLine = body.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }

  @Override
  public String toString() {
    return "HubSpotClient[" + events + ", template " + eventTemplateId + ", timeout " + timeout + "]";
  }
}
