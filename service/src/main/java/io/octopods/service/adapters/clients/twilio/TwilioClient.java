package io.octopods.service.adapters.clients.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.adapters.clients.ProviderCall;
import io.octopods.service.adapters.clients.ProviderJson;
import io.octopods.service.application.HandOffResult;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.ProviderClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Twilio's Message create call (providers.md 1.1-1.3, 1.7): {@code POST
 * {base}/2010-04-01/Accounts/{sid}/Messages.json}, HTTP Basic, a form with {@code To}, {@code From}
 * (or {@code MessagingServiceSid}), {@code Body} and a {@code StatusCallback} that carries our
 * message id in its query, so a callback that beats this answer is still matched (I15).
 */
public final class TwilioClient implements ProviderClient {
  /** Twilio's code for "Too Many Requests". */
  static final String THROTTLED = "20429";

  private final URI endpoint;
  private final String authorization;
  private final String from;
  private final Optional<String> messagingServiceSid;
  private final String callbackBase;
  private final ProviderCall call;

  /**
   * @param baseUrl the host root ({@code https://api.twilio.com})
   * @param from the sender; left out when {@code messagingServiceSid} is given (the service picks
   *     the sender)
   * @param publicBaseUrl where Twilio reaches this service ({@code OCTOPODS_PUBLIC_URL})
   * @param timeout {@code OCTOPODS_PROVIDER_TIMEOUT}
   */
  public TwilioClient(
      String baseUrl,
      String accountSid,
      String authToken,
      String from,
      Optional<String> messagingServiceSid,
      String publicBaseUrl,
      Duration timeout) {
    this(
        baseUrl,
        accountSid,
        authToken,
        from,
        messagingServiceSid,
        publicBaseUrl,
        timeout,
        Clock.systemUTC());
  }

  public TwilioClient(
      String baseUrl,
      String accountSid,
      String authToken,
      String from,
      Optional<String> messagingServiceSid,
      String publicBaseUrl,
      Duration timeout,
      Clock clock) {
    this.endpoint =
        URI.create(stripSlash(baseUrl) + "/2010-04-01/Accounts/" + accountSid + "/Messages.json");
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    this.from = from;
    this.messagingServiceSid = messagingServiceSid.filter(s -> !s.isBlank());
    this.callbackBase = stripSlash(publicBaseUrl) + "/webhooks/twilio";
    this.call = new ProviderCall("Twilio", timeout, clock);
  }

  @Override
  public HandOffResult send(MessageRecord message) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .header("Authorization", authorization)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(message), StandardCharsets.UTF_8));
    try {
      return outcome(call.send(request));
    } catch (ProviderCall.NoAnswer e) {
      return e.result();
    }
  }

  /** The StatusCallback for a message: our id in the query, which Twilio signs and echoes. */
  public String statusCallback(String messageId) {
    return callbackBase + "?message_id=" + encode(messageId);
  }

  String form(MessageRecord message) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("To", message.to());
    if (messagingServiceSid.isPresent()) {
      fields.put("MessagingServiceSid", messagingServiceSid.get());
    } else {
      fields.put("From", from);
    }
    fields.put("Body", message.body());
    fields.put("StatusCallback", statusCallback(message.messageId()));
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  /** The hand-off outcome of the provider's answer to a send (status-model.md section 4). */
  public static HandOffResult outcome(ProviderCall.Answer answer) {
    JsonNode json = ProviderJson.read(answer.body());
    if (answer.status() >= 200 && answer.status() <= 299) {
      String sid = json.path("sid").asText("");
      if (sid.isBlank()) {
        return new HandOffResult.TimedOut(
            "Twilio answered HTTP "
                + answer.status()
                + " without a sid ("
                + answer.snippet()
                + "); it may have accepted the message, so it is not re-sent");
      }
      String status = json.path("status").asText("");
      return new HandOffResult.Accepted(sid, status.isBlank() ? "queued" : status);
    }
    String code = ProviderJson.text(json.path("code"));
    String message = json.path("message").asText("").trim();
    String said =
        "Twilio answered HTTP "
            + answer.status()
            + (code.isEmpty() ? " (" + answer.snippet() + ")" : " with " + code + " " + message);
    if (answer.status() == 429 || THROTTLED.equals(code) || answer.serverError()) {
      return new HandOffResult.Retryable(said, answer.retryAfter());
    }
    if (code.isEmpty()) {
      return new HandOffResult.Rejected(null, said);
    }
    return new HandOffResult.Rejected(code, message.isEmpty() ? null : message);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
