package io.octopods.service.adapters.clients.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.service.adapters.clients.ProviderCall;
import io.octopods.service.adapters.clients.ProviderJson;
import io.octopods.service.application.HandOffResult;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.ProviderClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The WhatsApp Cloud API's send call (providers.md 2.1, 2.2, 2.8): {@code POST
 * {base}/{version}/{phone-number-id}/messages} with a Bearer token and a text message that carries
 * our message id as {@code biz_opaque_callback_data}, so a status webhook that beats this answer is
 * still matched (I15).
 */
public final class WhatsAppClient implements ProviderClient {
  /** Throughput and pair rate limits, and "Something went wrong": worth another attempt. */
  static final Set<String> RETRYABLE_CODES = Set.of("130429", "131056", "131000");

  private final URI endpoint;
  private final String accessToken;
  private final ProviderCall call;

  /**
   * @param baseUrl the host root ({@code https://graph.facebook.com})
   * @param apiVersion {@code v23.0}
   * @param timeout {@code OCTOPODS_PROVIDER_TIMEOUT}
   */
  public WhatsAppClient(
      String baseUrl,
      String apiVersion,
      String phoneNumberId,
      String accessToken,
      Duration timeout) {
    this(baseUrl, apiVersion, phoneNumberId, accessToken, timeout, Clock.systemUTC());
  }

  public WhatsAppClient(
      String baseUrl,
      String apiVersion,
      String phoneNumberId,
      String accessToken,
      Duration timeout,
      Clock clock) {
    this.endpoint =
        URI.create(stripSlash(baseUrl) + "/" + apiVersion + "/" + phoneNumberId + "/messages");
    this.accessToken = accessToken;
    this.call = new ProviderCall("WhatsApp", timeout, clock);
  }

  @Override
  public HandOffResult send(MessageRecord message) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .header("Authorization", "Bearer " + accessToken)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(message), StandardCharsets.UTF_8));
    try {
      return outcome(call.send(request));
    } catch (ProviderCall.NoAnswer e) {
      return e.result();
    }
  }

  /** The text message; {@code to} without the {@code +}, as in Meta's examples. */
  static String body(MessageRecord message) {
    ObjectNode o =
        ProviderJson.object()
            .put("messaging_product", "whatsapp")
            .put("recipient_type", "individual")
            .put("to", message.to().startsWith("+") ? message.to().substring(1) : message.to())
            .put("type", "text");
    o.putObject("text").put("body", message.body()).put("preview_url", false);
    o.put("biz_opaque_callback_data", message.messageId());
    return ProviderJson.write(o);
  }

  /** The hand-off outcome of the provider's answer to a send (status-model.md section 4). */
  public static HandOffResult outcome(ProviderCall.Answer answer) {
    JsonNode json = ProviderJson.read(answer.body());
    if (answer.status() >= 200 && answer.status() <= 299) {
      String wamid = json.path("messages").path(0).path("id").asText("");
      if (wamid.isBlank()) {
        return new HandOffResult.TimedOut(
            "WhatsApp answered HTTP "
                + answer.status()
                + " without messages[0].id ("
                + answer.snippet()
                + "); it may have accepted the message, so it is not re-sent");
      }
      return new HandOffResult.Accepted(wamid, "accepted");
    }
    JsonNode error = json.path("error");
    String code = ProviderJson.text(error.path("code"));
    String title = title(error, code);
    String said =
        "WhatsApp answered HTTP "
            + answer.status()
            + (code.isEmpty() ? " (" + answer.snippet() + ")" : " with " + code + " " + title);
    if (answer.status() == 429
        || answer.serverError()
        || RETRYABLE_CODES.contains(code)
        || error.path("is_transient").asBoolean(false)) {
      return new HandOffResult.Retryable(said, answer.retryAfter());
    }
    if (code.isEmpty()) {
      return new HandOffResult.Rejected(null, said);
    }
    return new HandOffResult.Rejected(code, title);
  }

  /**
   * The title without the {@code (#code) } prefix Meta puts in {@code message}; else the details.
   */
  private static String title(JsonNode error, String code) {
    String message = error.path("message").asText("").trim();
    String prefix = "(#" + code + ")";
    if (!code.isEmpty() && message.startsWith(prefix)) {
      message = message.substring(prefix.length()).trim();
    }
    if (message.isEmpty()) {
      message =
          error
              .path("error_user_title")
              .asText(error.path("error_data").path("details").asText(""))
              .trim();
    }
    return message.isEmpty() ? null : message;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
