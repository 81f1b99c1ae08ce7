package io.octopods.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The simulators' admin API ({@code docs/simulator.md}, "Admin API") in Java: scenarios and
 * bindings, the clock, what each simulator received and the callbacks it made, webhooks, and
 * HubSpot's limits, refusals and timeline. Every answer is a typed record; a refusal raises {@link
 * Refused} with the simulator's problem details.
 *
 * <pre>{@code
 * SimulatorClient sims = SimulatorClient.of(simulators);       // or SimulatorClient.at("127.0.0.1", 8080)
 * sims.bind("whatsapp", "+15550100", "whatsapp-a2-read-before-delivered");
 * // ... send through the simulator's Graph API ...
 * sims.advance(Duration.ofMinutes(1));
 * List<SimulatorClient.CallbackAttempt> made = sims.callbacks("whatsapp");
 * }</pre>
 */
public final class SimulatorClient {
  /** The simulators in port order: the documented ports are base + 1 to base + 4. */
  public static final List<String> PROVIDERS = List.of("twilio", "whatsapp", "viber", "hubspot");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, String> baseUrls;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private SimulatorClient(Map<String, String> baseUrls) {
    this.baseUrls = Map.copyOf(baseUrls);
  }

  /** A client of simulators started in this JVM. */
  public static SimulatorClient of(Simulators simulators) {
    Map<String, String> urls = new LinkedHashMap<>();
    simulators.providers().forEach(p -> urls.put(p, simulators.baseUrl(p)));
    return new SimulatorClient(urls);
  }

  /**
   * A client of the simulators at these base URLs, by provider ({@code twilio}, {@code whatsapp},
   * ...).
   */
  public static SimulatorClient at(Map<String, String> baseUrls) {
    Map<String, String> urls = new LinkedHashMap<>();
    baseUrls.forEach((provider, url) -> urls.put(provider, url.replaceAll("/+$", "")));
    return new SimulatorClient(urls);
  }

  /**
   * A client of {@code ./octopods sim} (or {@code up}) on {@code host} with the port base {@code
   * portBase}.
   */
  public static SimulatorClient at(String host, int portBase) {
    Map<String, String> urls = new LinkedHashMap<>();
    for (int i = 0; i < PROVIDERS.size(); i++) {
      urls.put(PROVIDERS.get(i), "http://" + host + ":" + (portBase + i + 1));
    }
    return new SimulatorClient(urls);
  }

  /** The simulator's base URL. */
  public String baseUrl(String provider) {
    String url = baseUrls.get(provider);
    if (url == null) {
      throw new IllegalArgumentException(
          "no simulator named '" + provider + "'; there are " + baseUrls.keySet());
    }
    return url;
  }

  // ---- scenarios and bindings ----

  /** The scenarios a simulator plays: the library's, a folder's and uploaded ones. */
  public List<ScenarioSummary> scenarios(String provider) {
    return list(get(provider, "/__sim/scenarios"), "scenarios", ScenarioSummary::of);
  }

  /** One scenario's document, as in {@code contracts/simulator/scenario.schema.json}. */
  public JsonNode scenario(String provider, String scenarioId) {
    return get(provider, "/__sim/scenarios/" + segment(scenarioId));
  }

  /** Uploads a scenario written in YAML (or JSON); a scenario with the same id is replaced. */
  public Uploaded upload(String provider, String scenarioYaml) {
    Answer a = send(provider, "POST", "/__sim/scenarios", "application/yaml", scenarioYaml);
    return new Uploaded(
        a.body().path("id").asText(), a.body().path("provider").asText(), a.status() == 200);
  }

  /** Binds a scenario to a recipient: the provider's next sends to {@code to} play it. */
  public Binding bind(String provider, String to, String scenarioId) {
    ObjectNode body = JSON.createObjectNode().put("to", to).put("scenario", scenarioId);
    return Binding.of(send(provider, "POST", "/__sim/bindings", body).body());
  }

  public List<Binding> bindings(String provider) {
    return list(get(provider, "/__sim/bindings"), "bindings", Binding::of);
  }

  public void unbind(String provider, String to) {
    send(provider, "DELETE", "/__sim/bindings/" + segment(to), null, null);
  }

  // ---- what was received and what was called back ----

  /** Every message the simulator took, the oldest first. */
  public List<Message> messages(String provider) {
    return list(get(provider, "/__sim/messages"), "messages", Message::of);
  }

  /** The messages sent to one recipient. */
  public List<Message> messages(String provider, String to) {
    return list(get(provider, "/__sim/messages?to=" + query(to)), "messages", Message::of);
  }

  /** One message by its provider id, if the simulator took it. */
  public Optional<Message> message(String provider, String providerMessageId) {
    Answer a = call(provider, "GET", "/__sim/messages/" + segment(providerMessageId), null, null);
    if (a.status() == 404) {
      return Optional.empty();
    }
    if (a.status() >= 300) {
      throw new Refused(
          "GET " + baseUrl(provider) + "/__sim/messages/" + providerMessageId,
          a.status(),
          a.body());
    }
    return Optional.of(Message.of(a.body()));
  }

  /** The journal of callback attempts, retries included, in the order they were made. */
  public List<CallbackAttempt> callbacks(String provider) {
    return list(get(provider, "/__sim/callbacks"), "attempts", CallbackAttempt::of);
  }

  /** The callback attempts of one provider message. */
  public List<CallbackAttempt> callbacks(String provider, String providerMessageId) {
    return list(
        get(provider, "/__sim/callbacks?message=" + query(providerMessageId)),
        "attempts",
        CallbackAttempt::of);
  }

  // ---- the clock and reset ----

  /** The clock as one simulator reads it (all of one process share it). */
  public Clock clock(String provider) {
    return Clock.of(get(provider, "/__sim/clock"));
  }

  /** The shared clock. */
  public Clock clock() {
    return clock(first());
  }

  /**
   * Advances the shared virtual clock; every callback due by then (retries included) is delivered
   * and answered before this returns. On the real clock the simulators refuse ({@code 409}).
   */
  public Advanced advance(Duration by) {
    return advance(by.toString());
  }

  /**
   * As {@link #advance(Duration)}, with a duration as the admin API reads it: {@code 90s}, {@code
   * 2m}, {@code PT1M}.
   */
  public Advanced advance(String by) {
    return Advanced.of(
        send(first(), "POST", "/__sim/clock/advance", JSON.createObjectNode().put("by", by))
            .body());
  }

  /**
   * Forgets every simulator's messages, bindings, journal, uploads and scheduled work (not webhooks
   * or the clock).
   */
  public void reset() {
    send(first(), "POST", "/__sim/reset?all=true", null, null);
  }

  /** {@link #reset()} for one simulator only. */
  public void reset(String provider) {
    send(provider, "POST", "/__sim/reset", null, null);
  }

  // ---- the provider's account ----

  /** Base URLs, credentials, signing secret and webhook of one simulator. */
  public Info info(String provider) {
    return Info.of(get(provider, "/__sim/info"));
  }

  public Webhook webhook(String provider) {
    return Webhook.of(get(provider, "/__sim/webhook"));
  }

  /**
   * Sets where the simulator delivers its callbacks. With {@link Webhook#verify()} a WhatsApp
   * webhook must answer Meta's handshake and a Viber one {@code set_webhook}'s check first, as with
   * the real providers.
   */
  public Webhook setWebhook(String provider, Webhook webhook) {
    ObjectNode body = JSON.createObjectNode();
    body.put("url", webhook.url().orElse(null));
    body.put("verify_token", webhook.verifyToken().orElse(null));
    webhook.urls().forEach(body.putArray("urls")::add);
    body.put("connect_to", webhook.connectTo().orElse(null));
    body.put("verify", webhook.verify());
    return Webhook.of(send(provider, "POST", "/__sim/webhook", body).body());
  }

  // ---- HubSpot ----

  public HubSpotLimits hubSpotLimits() {
    return HubSpotLimits.of(get("hubspot", "/__sim/hubspot/limits"));
  }

  /**
   * Changes HubSpot's rate limit or its injected failures (each group as a whole when any field of
   * it is given).
   */
  public HubSpotLimits setHubSpotLimits(HubSpotLimits.Change change) {
    return HubSpotLimits.of(send("hubspot", "POST", "/__sim/hubspot/limits", change.body).body());
  }

  /**
   * HubSpot refuses every timeline event of the contact {@code email} with {@code status} (400 or
   * 404).
   */
  public Refusal refuse(String email, int status) {
    ObjectNode body = JSON.createObjectNode().put("email", email).put("status", status);
    return Refusal.of(send("hubspot", "POST", "/__sim/hubspot/refusals", body).body());
  }

  public List<Refusal> refusals() {
    return list(get("hubspot", "/__sim/hubspot/refusals"), "refusals", Refusal::of);
  }

  /** HubSpot takes every contact's events again. */
  public void liftRefusals() {
    send("hubspot", "DELETE", "/__sim/hubspot/refusals", null, null);
  }

  /** The timeline events HubSpot holds for the contact {@code email}, in the order received. */
  public List<TimelineEvent> timeline(String email) {
    return list(
        get("hubspot", "/__sim/hubspot/timeline?email=" + query(email)),
        "events",
        TimelineEvent::of);
  }

  // ---- the answers ----

  /**
   * A scenario the simulator plays; {@code source} is {@code library}, {@code folder} or {@code
   * upload}.
   */
  public record ScenarioSummary(String id, String provider, String description, String source) {
    static ScenarioSummary of(JsonNode n) {
      return new ScenarioSummary(
          n.path("id").asText(),
          n.path("provider").asText(),
          n.path("description").asText(),
          n.path("source").asText());
    }
  }

  /** An uploaded scenario; {@code replaced} when one with its id was there. */
  public record Uploaded(String id, String provider, boolean replaced) {}

  /** A recipient (normalised to E.164) and the scenario its sends play. */
  public record Binding(String to, String scenario) {
    static Binding of(JsonNode n) {
      return new Binding(n.path("to").asText(), n.path("scenario").asText());
    }
  }

  /**
   * A message the simulator took: one per accepted send. {@code attempts} counts the sends of its
   * (recipient, correlation) pair up to the one that created it; {@code status} is the last one its
   * scenario reached.
   */
  public record Message(
      String providerMessageId,
      String to,
      String scenario,
      String status,
      Instant receivedAt,
      int attempts,
      Optional<String> correlation) {
    static Message of(JsonNode n) {
      return new Message(
          n.path("provider_message_id").asText(),
          n.path("to").asText(),
          n.path("scenario").asText(),
          n.path("status").asText(),
          instant(n.path("received_at")).orElse(null),
          n.path("attempts").asInt(),
          text(n.path("correlation")));
    }
  }

  /**
   * One callback attempt: what was sent ({@code url}, {@code headers}, {@code body}, {@code
   * signature} {@code valid|invalid|missing}) and how it went ({@code outcome}, {@code
   * responseCode}, the next retry if any).
   */
  public record CallbackAttempt(
      long seq,
      String message,
      int step,
      String status,
      int attempt,
      Instant dueAt,
      Optional<Instant> sentAt,
      String url,
      Map<String, String> headers,
      String body,
      String signature,
      String outcome,
      Optional<Integer> responseCode,
      Optional<Long> latencyMs,
      Optional<Instant> nextRetryAt) {
    static CallbackAttempt of(JsonNode n) {
      Map<String, String> headers = new LinkedHashMap<>();
      n.path("headers")
          .fields()
          .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
      return new CallbackAttempt(
          n.path("seq").asLong(),
          n.path("message").asText(),
          n.path("step").asInt(),
          n.path("status").asText(),
          n.path("attempt").asInt(),
          instant(n.path("due_at")).orElse(null),
          instant(n.path("sent_at")),
          n.path("url").asText(),
          Map.copyOf(headers),
          n.path("body").asText(),
          n.path("signature").asText(),
          n.path("outcome").asText(),
          number(n.path("response_code")).map(Long::intValue),
          number(n.path("latency_ms")),
          instant(n.path("next_retry_at")));
    }

    /** The body as JSON (WhatsApp, Viber); Twilio's form bodies are not JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the callback body is not JSON: " + body, e);
      }
    }
  }

  /** The clock: {@code real} or {@code virtual}, its time, and wall time per scenario second. */
  public record Clock(String mode, Instant now, double timeScale) {
    static Clock of(JsonNode n) {
      return new Clock(
          n.path("mode").asText(),
          instant(n.path("now")).orElse(null),
          n.path("time_scale").asDouble());
    }
  }

  /** The clock after an advance, and the callback attempts it made. */
  public record Advanced(Instant now, List<Fired> fired) {
    static Advanced of(JsonNode n) {
      return new Advanced(instant(n.path("now")).orElse(null), list(n, "fired", Fired::of));
    }
  }

  /** A callback attempt an advance made. */
  public record Fired(long seq, String message, String status, Optional<Integer> responseCode) {
    static Fired of(JsonNode n) {
      return new Fired(
          n.path("seq").asLong(),
          n.path("message").asText(),
          n.path("status").asText(),
          number(n.path("response_code")).map(Long::intValue));
    }
  }

  /**
   * A simulator's account: where it listens, the credentials a client uses, the secret it signs
   * callbacks with and the webhook it calls.
   */
  public record Info(
      String provider,
      String baseUrl,
      Optional<String> httpsBaseUrl,
      Map<String, String> credentials,
      Map<String, String> testCredentials,
      String signingSecret,
      Optional<String> webhookUrl,
      String clock) {
    static Info of(JsonNode n) {
      return new Info(
          n.path("provider").asText(),
          n.path("base_url").asText(),
          text(n.path("https_base_url")),
          strings(n.path("credentials")),
          strings(n.path("test_credentials")),
          n.path("signing_secret").asText(),
          text(n.path("webhook_url")),
          n.path("clock").asText());
    }
  }

  /**
   * Where a simulator delivers its callbacks: {@code url} (and more {@code urls}), Meta's {@code
   * verifyToken}, and {@code connectTo}, an address that takes the connections while the callbacks
   * keep naming {@code url} (a proxy in between). {@code verify} asks for the provider's handshake
   * when the webhook is set.
   */
  public record Webhook(
      Optional<String> url,
      Optional<String> verifyToken,
      List<String> urls,
      Optional<String> connectTo,
      boolean verify) {
    public Webhook {
      urls = List.copyOf(urls);
    }

    /** A webhook at {@code url} that answers the provider's handshake. */
    public static Webhook to(String url) {
      return new Webhook(Optional.of(url), Optional.empty(), List.of(), Optional.empty(), true);
    }

    /** The same webhook, set without the provider's handshake (a plain endpoint). */
    public Webhook unverified() {
      return new Webhook(url, verifyToken, urls, connectTo, false);
    }

    public Webhook withVerifyToken(String token) {
      return new Webhook(url, Optional.of(token), urls, connectTo, verify);
    }

    /**
     * Every URL the callbacks go to in turn (several instances of one service); the first is {@code
     * url}.
     */
    public Webhook withUrls(List<String> all) {
      return new Webhook(
          all.isEmpty() ? url : Optional.of(all.get(0)), verifyToken, all, connectTo, verify);
    }

    public Webhook withConnectTo(String address) {
      return new Webhook(url, verifyToken, urls, Optional.of(address), verify);
    }

    static Webhook of(JsonNode n) {
      List<String> urls = new ArrayList<>();
      n.path("urls").forEach(u -> urls.add(u.asText()));
      return new Webhook(
          text(n.path("url")),
          text(n.path("verify_token")),
          urls,
          text(n.path("connect_to")),
          false);
    }
  }

  /**
   * HubSpot's rate limit ({@code per10s} empty for none; {@code policy}; the {@code Retry-After} it
   * answers) and the failures it injects into its next calls ({@code failNext} of {@code
   * failStatus}, an HTTP status or {@code reset}, each after {@code failDelay}).
   */
  public record HubSpotLimits(
      Optional<Integer> per10s,
      String policy,
      Optional<Long> retryAfterSeconds,
      int failNext,
      String failStatus,
      Optional<String> failDelay) {
    static HubSpotLimits of(JsonNode n) {
      return new HubSpotLimits(
          number(n.path("per_10s")).map(Long::intValue),
          n.path("policy").asText(),
          number(n.path("retry_after")),
          n.path("fail_next").asInt(),
          n.path("fail_status").asText(),
          text(n.path("fail_delay")));
    }

    /**
     * A rate limit of {@code per10s} calls per ten seconds (HubSpot's {@code
     * TEN_SECONDLY_ROLLING}).
     */
    public static Change rateLimit(int per10s) {
      return new Change().rateLimit(per10s);
    }

    /** The next {@code count} calls fail with {@code status} (400, 403, 404, 408, 413 or 5xx). */
    public static Change failNext(int count, int status) {
      return new Change().failNext(count, status);
    }

    /** The next {@code count} calls have their connection reset. */
    public static Change resetNext(int count) {
      return new Change().resetNext(count);
    }

    /** What to change; a group not named keeps its settings. */
    public static final class Change {
      private final ObjectNode body = JSON.createObjectNode();

      public Change rateLimit(int per10s) {
        body.put("per_10s", per10s);
        return this;
      }

      public Change noRateLimit() {
        body.putNull("per_10s");
        return this;
      }

      /** {@code TEN_SECONDLY_ROLLING} or {@code DAILY}. */
      public Change policy(String policy) {
        body.put("policy", policy);
        return this;
      }

      public Change retryAfter(Duration retryAfter) {
        body.put("retry_after", retryAfter.toSeconds());
        return this;
      }

      public Change failNext(int count, int status) {
        body.put("fail_next", count).put("fail_status", status);
        return this;
      }

      /** The next {@code count} calls have their connection reset. */
      public Change resetNext(int count) {
        body.put("fail_next", count).put("fail_status", "reset");
        return this;
      }

      /** Each injected failure is answered after {@code delay}. */
      public Change failDelay(Duration delay) {
        body.put("fail_delay", delay.toString());
        return this;
      }
    }
  }

  /** A contact whose timeline events HubSpot refuses, and with which status. */
  public record Refusal(String email, int status) {
    static Refusal of(JsonNode n) {
      return new Refusal(n.path("email").asText(), n.path("status").asInt());
    }
  }

  /**
   * A timeline event as HubSpot holds it: {@code tokens} and {@code extraData} as the client sent
   * them.
   */
  public record TimelineEvent(
      String id,
      String eventTemplateId,
      Optional<String> email,
      Optional<String> objectId,
      Instant timestamp,
      JsonNode tokens,
      Optional<JsonNode> extraData,
      Instant receivedAt) {
    static TimelineEvent of(JsonNode n) {
      return new TimelineEvent(
          n.path("id").asText(),
          n.path("eventTemplateId").asText(),
          text(n.path("email")),
          text(n.path("objectId")),
          instant(n.path("timestamp")).orElse(null),
          n.path("tokens"),
          Optional.ofNullable(n.get("extraData")),
          instant(n.path("received_at")).orElse(null));
    }
  }

  /**
   * The simulator refused an admin request: its status and problem details (the fix is in {@code
   * detail}).
   */
  public static final class Refused extends RuntimeException {
    private final int status;
    private final JsonNode problem;

    Refused(String request, int status, JsonNode problem) {
      super(
          request
              + " was answered "
              + status
              + ": "
              + problem.path("title").asText("")
              + (problem.has("detail") ? " (" + problem.path("detail").asText() + ")" : "")
              + (problem.has("errors") ? " " + problem.path("errors") : ""));
      this.status = status;
      this.problem = problem;
    }

    public int status() {
      return status;
    }

    /**
     * The RFC 9457 body: {@code title}, {@code detail} and, for a scenario, {@code errors} with
     * JSON pointers.
     */
    public JsonNode problem() {
      return problem;
    }
  }

  // ---- HTTP ----

  private record Answer(int status, JsonNode body) {}

  private String first() {
    return baseUrls.keySet().iterator().next();
  }

  private JsonNode get(String provider, String pathAndQuery) {
    return send(provider, "GET", pathAndQuery, null, null).body();
  }

  private Answer send(String provider, String method, String pathAndQuery, ObjectNode json) {
    return send(provider, method, pathAndQuery, "application/json", write(json));
  }

  /** A call that must succeed: any status of 300 or more raises {@link Refused}. */
  private Answer send(
      String provider, String method, String pathAndQuery, String contentType, String body) {
    Answer a = call(provider, method, pathAndQuery, contentType, body);
    if (a.status() >= 300) {
      throw new Refused(method + " " + baseUrl(provider) + pathAndQuery, a.status(), a.body());
    }
    return a;
  }

  private Answer call(
      String provider, String method, String pathAndQuery, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl(provider) + pathAndQuery))
            .timeout(TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null && body != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> response = exchange(request.build(), method, pathAndQuery);
      String text = response.body();
      return new Answer(
          response.statusCode(),
          text == null || text.isBlank() ? JSON.createObjectNode() : parse(text));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the "
              + provider
              + " simulator at "
              + baseUrl(provider)
              + " did not answer "
              + method
              + " "
              + pathAndQuery
              + ": "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while calling the " + provider + " simulator", e);
    }
  }

  /**
   * Sends {@code request}; a call that changes nothing when repeated (a read, a delete, a reset) is
   * sent once more when the connection failed, since a kept-alive connection the simulator closed
   * while idle fails before the simulator sees the request.
   */
  private HttpResponse<String> exchange(HttpRequest request, String method, String pathAndQuery)
      throws IOException, InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      boolean repeatable =
          method.equals("GET")
              || method.equals("DELETE")
              || pathAndQuery.startsWith("/__sim/reset");
      if (!repeatable) {
        throw e;
      }
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode().put("title", "not JSON").put("detail", text);
    }
  }

  private static String write(JsonNode json) {
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> List<T> list(JsonNode body, String field, Function<JsonNode, T> of) {
    List<T> list = new ArrayList<>();
    body.path(field).forEach(n -> list.add(of.apply(n)));
    return List.copyOf(list);
  }

  private static Optional<String> text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(n.asText());
  }

  private static Optional<Long> number(JsonNode n) {
    return n.isNumber() ? Optional.of(n.asLong()) : Optional.empty();
  }

  private static Optional<Instant> instant(JsonNode n) {
    return text(n).filter(s -> !s.isEmpty()).map(Instant::parse);
  }

  private static Map<String, String> strings(JsonNode n) {
    Map<String, String> map = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return Map.copyOf(map);
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
