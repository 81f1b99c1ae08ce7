package io.octopods.service.adapters.surfaces.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * HubSpot's timeline events API (providers.md section 5): {@code POST {base}/crm/v3/timeline/events/batch/create}
 * with a Bearer token and {@code {"inputs": [{"eventTemplateId", "email", "id", "timestamp", "tokens"}, ...]}}, up to
 * 100 inputs a call. What each answer means is {@link HubSpotAnswers}'s; a call that gets no answer in time, cannot
 * connect or is reset is retried (safe: the event ids make a repeat a {@code 409}).
 */
public final class HubSpotClient implements HubSpotTimeline {
  static final String BATCH_PATH = "/crm/v3/timeline/events/batch/create";
  /** The most inputs HubSpot takes in one batch call. */
  public static final int MAX_BATCH = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI batch;
  private final String accessToken;
  private final String eventTemplateId;
  private final Duration timeout;
  private final Clock clock;
  private final HttpClient http;

  /**
   * @param baseUrl the host root, {@code https://api.hubapi.com} (or the simulator's)
   * @param timeout how long connecting, and then waiting for the answer, may each take
   * @param clock when answers count as received (an HTTP-date {@code Retry-After}, the rate window)
   */
  public HubSpotClient(String baseUrl, String accessToken, String eventTemplateId, Duration timeout, Clock clock) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the HubSpot timeout must be positive, was " + timeout);
    }
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.batch = URI.create(base + BATCH_PATH);
    this.accessToken = accessToken;
    this.eventTemplateId = eventTemplateId;
    this.timeout = timeout;
    this.clock = clock;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public Reply push(List<HubSpotEvent> events) {
    if (events.isEmpty() || events.size() > MAX_BATCH) {
      throw new IllegalArgumentException("a batch holds 1 to " + MAX_BATCH + " events, not " + events.size());
    }
    HttpRequest request = HttpRequest.newBuilder(batch)
        .timeout(timeout)
        .header("Authorization", "Bearer " + accessToken)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body(events), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      return failed("HubSpot gave no answer within " + timeout + " (" + e.getClass().getSimpleName() + ")");
    } catch (IOException e) {
      return failed("HubSpot could not be reached or the connection broke (" + describe(e) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("interrupted while waiting for HubSpot");
    }
    String body = response.body() == null ? "" : response.body();
    return new Reply(HubSpotAnswers.of(response.statusCode(), response.headers(), body, events, clock.instant()),
        RateWindow.of(response.headers()), clock.instant());
  }

  private Reply failed(String why) {
    return new Reply(new BatchAnswer.Whole(new PushOutcome.Retry(why, Optional.empty(), false)), Optional.empty(),
        clock.instant());
  }

  /** The request body of a batch. */
  String body(List<HubSpotEvent> events) {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode inputs = o.putArray("inputs");
    for (HubSpotEvent event : events) {
      ObjectNode input = inputs.addObject()
          .put("eventTemplateId", eventTemplateId)
          .put("email", event.email())
          .put("id", event.id())
          .put("timestamp", event.time());
      ObjectNode tokens = input.putObject("tokens");
      event.tokens().forEach(tokens::put);
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a batch of " + events.size() + " events", e);
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }

  @Override
  public String toString() {
    return "HubSpotClient[" + batch + ", template " + eventTemplateId + ", timeout " + timeout + "]";
  }
}
