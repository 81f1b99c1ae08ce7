package io.octopods.service.adapters.surfaces.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.octopods.service.adapters.clients.RetryAfter;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What HubSpot's answer to a {@code batch/create} call means (api.md, Surfaces: HubSpot):
 *
 * <table>
 *   <caption>answers</caption>
 *   <tr><th>HubSpot answers</th><th>for the call</th><th>for one input of a {@code 207}</th></tr>
 *   <tr><td>{@code 201} / created</td><td>every input done</td><td>done</td></tr>
 *   <tr><td>{@code 409}</td><td>done (a call of one), else each alone</td><td>done</td></tr>
 *   <tr><td>{@code 400}, another {@code 4xx}</td><td>each input alone once (a call of one: dead letter)</td>
 *       <td>dead letter</td></tr>
 *   <tr><td>{@code 404}</td><td>dead letter</td><td>dead letter</td></tr>
 *   <tr><td>{@code 413}</td><td>two halves (a call of one: dead letter)</td><td>-</td></tr>
 *   <tr><td>{@code 401}, {@code 403}</td><td>retried (configuration, never a dead letter)</td><td>retried</td></tr>
 *   <tr><td>{@code 408}, {@code 429}, {@code 5xx}, anything else</td><td>retried, honouring {@code Retry-After}
 *       </td><td>retried</td></tr>
 * </table>
 *
 * <p>Within a {@code 207}, an input counts as created when its id is among the results; an error is
 * matched to its input by {@code context.id}, else by {@code context.index}, and read by its {@code
 * category} (HubSpot's StandardError carries no numeric status); an input neither names is retried.
 */
final class HubSpotAnswers {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** HubSpot's error categories, as the HTTP status each stands for. */
  private static final Map<String, Integer> CATEGORIES =
      Map.of(
          "VALIDATION_ERROR", 400,
          "INVALID_AUTHENTICATION", 401,
          "MISSING_SCOPES", 403,
          "OBJECT_NOT_FOUND", 404,
          "CONFLICT", 409,
          "RATE_LIMITS", 429,
          "RATE_LIMIT", 429);

  private HubSpotAnswers() {}

  /**
   * @param sent the events of the call, in input order
   * @param receivedAt when the answer came (an HTTP-date {@code Retry-After} counts from it)
   */
  static BatchAnswer of(
      int status, HttpHeaders headers, String body, List<HubSpotEvent> sent, Instant receivedAt) {
    String said = "HubSpot answered " + status + (body.isBlank() ? "" : ": " + snippet(body));
    boolean alone = sent.size() == 1;
    Optional<Duration> retryAfter =
        headers.firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, receivedAt));
    if (status == 200 || status == 201) {
      Map<String, PushOutcome> all = new HashMap<>();
      sent.forEach(e -> all.put(e.id(), new PushOutcome.Pushed(201)));
      return new BatchAnswer.PerEvent(all);
    }
    if (status == 207) {
      return perEvent(parse(body), sent);
    }
    if (status == 429) {
      return new BatchAnswer.Whole(
          new PushOutcome.Retry(said, retryAfter.or(() -> rateWindow(headers, body)), true));
    }
    if (status == 404) {
      return new BatchAnswer.Whole(new PushOutcome.Refused(status, body, said));
    }
    if (status == 409 && alone) {
      return new BatchAnswer.Whole(new PushOutcome.Pushed(409));
    }
    if (status == 413 && !alone) {
      return new BatchAnswer.Halves(said);
    }
    if (retryable(status) || status < 400) {
      return new BatchAnswer.Whole(new PushOutcome.Retry(said, retryAfter, false));
    }
    return alone
        ? new BatchAnswer.Whole(new PushOutcome.Refused(status, body, said))
        : new BatchAnswer.EachAlone(said);
  }

  /**
   * {@code 401}, {@code 403} (token or scopes: fixed by configuration), {@code 408}, {@code 429},
   * {@code 5xx}.
   */
  static boolean retryable(int status) {
    return status == 401 || status == 403 || status == 408 || status == 429 || status >= 500;
  }

  private static BatchAnswer perEvent(JsonNode answer, List<HubSpotEvent> sent) {
    Map<String, PushOutcome> outcomes = new HashMap<>();
    for (JsonNode result : answer.path("results")) {
      String id = result.path("id").asText("");
      if (sent.stream().anyMatch(e -> e.id().equals(id))) {
        outcomes.put(id, new PushOutcome.Pushed(201));
      }
    }
    for (JsonNode error : answer.path("errors")) {
      inputOf(error, sent).ifPresent(e -> outcomes.putIfAbsent(e.id(), itemOutcome(error)));
    }
    return new BatchAnswer.PerEvent(outcomes);
  }

  /**
   * The input an error of a {@code 207} is about: by {@code context.id}, else by {@code
   * context.index}.
   */
  private static Optional<HubSpotEvent> inputOf(JsonNode error, List<HubSpotEvent> sent) {
    JsonNode context = error.path("context");
    for (JsonNode id : context.path("id")) {
      Optional<HubSpotEvent> byId =
          sent.stream().filter(e -> e.id().equals(id.asText())).findFirst();
      if (byId.isPresent()) {
        return byId;
      }
    }
    for (JsonNode index : context.path("index")) {
      String i = index.asText("");
      if (i.matches("\\d{1,9}") && Integer.parseInt(i) < sent.size()) {
        return Optional.of(sent.get(Integer.parseInt(i)));
      }
    }
    return Optional.empty();
  }

  /** One input's error of a {@code 207}, read by its category. */
  static PushOutcome itemOutcome(JsonNode error) {
    String category = error.path("category").asText("");
    int status = CATEGORIES.getOrDefault(category, 0);
    String said =
        "HubSpot refused this input of a batch ("
            + (category.isEmpty() ? "no category" : category)
            + "): "
            + error.path("message").asText("");
    if (status == 409) {
      return new PushOutcome.Pushed(409);
    }
    if (status == 0 || retryable(status)) {
      return new PushOutcome.Retry(said, Optional.empty(), false);
    }
    return new PushOutcome.Refused(status, error.toString(), said);
  }

  /**
   * The rolling window HubSpot names in its rate headers, when the answer says the window is used
   * up; nothing for the daily limit (its reset time is not given).
   */
  static Optional<Duration> rateWindow(HttpHeaders headers, String body) {
    if ("DAILY".equals(parse(body).path("policyName").asText())) {
      return Optional.empty();
    }
    return RateWindow.of(headers).filter(w -> w.remaining() <= 0).map(RateWindow::interval);
  }

  static JsonNode parse(String body) {
    try {
      JsonNode n = body == null || body.isBlank() ? null : JSON.readTree(body);
      return n == null ? JSON.createObjectNode() : n;
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }

  static String snippet(String body) {
    String oneLine = body.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
  }
}
