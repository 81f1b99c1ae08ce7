package io.octopods.service.adapters.surfaces.hubspot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HubSpot's timeline events API (providers.md section 5): {@code POST
 * {base}/crm/v3/timeline/events/batch/create} with a Bearer token and {@code {"inputs":
 * [{"eventTemplateId", "email", "id", "timestamp", "tokens"}, ...]}}, up to 100 inputs a call. What
 * each answer means is {@link HubSpotAnswers}'s; a call that gets no answer in time, cannot connect
 * or is reset is retried (safe: the event ids make a repeat a {@code 409}).
 */
public final class HubSpotClient implements HubSpotTimeline {
  static final String BATCH_PATH = "/crm/v3/timeline/events/batch/create";

  /** The most inputs HubSpot takes in one batch call. */
  public static final int MAX_BATCH = 100;

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * The answer's body as text, except for a {@code 201}: every event was created and nothing in the
   * answer (a copy of each event) is needed, so it is read and dropped instead of decoded.
   */
  private static final HttpResponse.BodyHandler<String> KEPT_UNLESS_CREATED =
      info ->
          info.statusCode() == 201
              ? HttpResponse.BodySubscribers.replacing("")
              : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);

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
  public HubSpotClient(
      String baseUrl, String accessToken, String eventTemplateId, Duration timeout, Clock clock) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the HubSpot timeout must be positive, was " + timeout);
    }
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.batch = URI.create(base + BATCH_PATH);
    this.accessToken = accessToken;
    this.eventTemplateId = eventTemplateId;
    this.timeout = timeout;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public Reply push(List<HubSpotEvent> events) {
    if (events.isEmpty() || events.size() > MAX_BATCH) {
      throw new IllegalArgumentException(
          "a batch holds 1 to " + MAX_BATCH + " events, not " + events.size());
    }
    HttpRequest request =
        HttpRequest.newBuilder(batch)
            .timeout(timeout)
            .header("Authorization", "Bearer " + accessToken)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body(events)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, KEPT_UNLESS_CREATED);
    } catch (HttpTimeoutException e) {
      return failed(
          "HubSpot gave no answer within " + timeout + " (" + e.getClass().getSimpleName() + ")");
    } catch (IOException e) {
      return failed("HubSpot could not be reached or the connection broke (" + describe(e) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("interrupted while waiting for HubSpot");
    }
    String body = response.body() == null ? "" : response.body();
    return new Reply(
        HubSpotAnswers.of(response.statusCode(), response.headers(), body, events, clock.instant()),
        RateWindow.of(response.headers()),
        clock.instant());
  }

  private Reply failed(String why) {
    return new Reply(
        new BatchAnswer.Whole(new PushOutcome.Retry(why, Optional.empty(), false)),
        Optional.empty(),
        clock.instant());
  }

  /** The request body of a batch, written as it goes. */
  byte[] body(List<HubSpotEvent> events) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(300 * events.size());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("inputs");
      for (HubSpotEvent event : events) {
        g.writeStartObject();
        g.writeStringField("eventTemplateId", eventTemplateId);
        g.writeStringField("email", event.email());
        g.writeStringField("id", event.id());
        g.writeStringField("timestamp", event.time());
        g.writeObjectFieldStart("tokens");
        for (Map.Entry<String, String> token : event.tokens().entrySet()) {
          g.writeStringField(token.getKey(), token.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a batch of " + events.size() + " events", e);
    }
    return out.toByteArray();
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message);
  }

  @Override
  public String toString() {
    return "HubSpotClient["
        + batch
        + ", template "
        + eventTemplateId
        + ", timeout "
        + timeout
        + "]";
  }
}
