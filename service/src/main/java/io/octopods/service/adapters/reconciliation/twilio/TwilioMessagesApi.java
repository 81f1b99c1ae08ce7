package io.octopods.service.adapters.reconciliation.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.adapters.clients.ProviderCall;
import io.octopods.service.adapters.clients.ProviderJson;
import io.octopods.service.application.HandOffResult;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Twilio's read calls on Messages (providers.md 1.3), HTTP Basic like the send: fetch {@code GET
 * {base}/2010-04-01/Accounts/{sid}/Messages/{Sid}.json} and list {@code GET
 * .../Messages.json?To=&DateSent>=YYYY-MM-DD&PageSize=}, following {@code next_page_uri} for a few
 * pages. Never throws for what Twilio answers or for Twilio being out of reach: that is a {@link
 * Result} with a failure.
 */
final class TwilioMessagesApi {
  static final int PAGE_SIZE = 50;
  static final int MAX_PAGES = 3;

  private final String base;
  private final String messages;
  private final String authorization;
  private final ProviderCall call;

  TwilioMessagesApi(
      String baseUrl, String accountSid, String authToken, Duration timeout, Clock clock) {
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.messages = base + "/2010-04-01/Accounts/" + encode(accountSid) + "/Messages";
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    this.call = new ProviderCall("Twilio", timeout, clock);
  }

  /** The most calls one look-up makes (a fetch is one; a list up to {@value #MAX_PAGES} pages). */
  static int mostCalls() {
    return MAX_PAGES;
  }

  /**
   * A Message resource as Twilio wrote it.
   *
   * @param raw the resource's JSON text, kept as the report's raw payload
   */
  record Resource(JsonNode json, String raw) {
    String sid() {
      return json.path("sid").asText("");
    }

    String status() {
      return json.path("status").isTextual() ? json.path("status").asText() : "";
    }

    String text(String field) {
      JsonNode n = json.path(field);
      return n.isMissingNode() || n.isNull() ? "" : ProviderJson.text(n);
    }
  }

  /** What a call gave: the resources, or (then none) why there are none to be had now. */
  record Result(List<Resource> resources, Optional<String> failure) {
    static Result failed(String why) {
      return new Result(List.of(), Optional.of(why));
    }
  }

  Result fetch(String sid) {
    Answer a = get(URI.create(messages + "/" + encode(sid) + ".json"));
    if (a.failure().isPresent()) {
      return Result.failed(a.failure().get());
    }
    JsonNode json = ProviderJson.read(a.body());
    if (!json.isObject() || json.path("sid").asText("").isBlank()) {
      return Result.failed(
          "Twilio answered the fetch of "
              + sid
              + " with no Message resource ("
              + snippet(a.body())
              + ")");
    }
    return new Result(List.of(new Resource(json, a.body())), Optional.empty());
  }

  /**
   * Messages to {@code to} sent on or after {@code sentFrom} (a UTC day), newest first, up to a few
   * pages.
   */
  Result list(String to, LocalDate sentFrom) {
    URI next =
        URI.create(
            messages
                + ".json?To="
                + encode(to)
                + "&"
                + encode("DateSent>")
                + "="
                + sentFrom
                + "&PageSize="
                + PAGE_SIZE);
    List<Resource> found = new ArrayList<>();
    for (int page = 0; page < MAX_PAGES && next != null; page++) {
      Answer a = get(next);
      if (a.failure().isPresent()) {
        return found.isEmpty()
            ? Result.failed(a.failure().get())
            : new Result(found, Optional.empty());
      }
      JsonNode json = ProviderJson.read(a.body());
      if (!json.path("messages").isArray()) {
        return Result.failed(
            "Twilio answered the list with no messages array (" + snippet(a.body()) + ")");
      }
      for (JsonNode m : json.path("messages")) {
        found.add(new Resource(m, ProviderJson.write(m)));
      }
      String uri =
          json.path("next_page_uri").isTextual() ? json.path("next_page_uri").asText() : "";
      next = uri.isBlank() ? null : URI.create(uri.startsWith("http") ? uri : base + uri);
    }
    return new Result(found, Optional.empty());
  }

  private record Answer(String body, Optional<String> failure) {}

  private Answer get(URI uri) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .GET();
    ProviderCall.Answer answer;
    try {
      answer = call.send(request);
    } catch (ProviderCall.NoAnswer e) {
      return new Answer("", Optional.of(why(e.result())));
    }
    if (answer.status() == 200) {
      return new Answer(answer.body(), Optional.empty());
    }
    JsonNode json = ProviderJson.read(answer.body());
    String code = ProviderJson.text(json.path("code"));
    String message = json.path("message").asText("").trim();
    return new Answer(
        answer.body(),
        Optional.of(
            "Twilio answered HTTP "
                + answer.status()
                + (code.isEmpty()
                    ? " (" + answer.snippet() + ")"
                    : " with " + code + (message.isEmpty() ? "" : " " + message))
                + " to GET "
                + uri.getRawPath()));
  }

  private static String why(HandOffResult noAnswer) {
    if (noAnswer instanceof HandOffResult.TimedOut t) {
      return t.why();
    }
    if (noAnswer instanceof HandOffResult.Retryable r) {
      return r.why().replace("; nothing was sent", "");
    }
    return String.valueOf(noAnswer);
  }

  private static String snippet(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
