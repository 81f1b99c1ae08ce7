package io.octopods.simulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.Simulators;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Sends one message to a simulated messaging provider the way a client of the real one would, with
 * the credentials the simulator publishes at {@code /__sim/info}.
 */
public final class ProviderClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * The send call and its answer (empty when the provider held the connection past the client's
   * patience).
   */
  public record Sent(
      String provider, String contentType, String requestBody, Optional<Http.Answer> answer) {}

  private final Simulators sims;
  private final Duration patience;

  public ProviderClient(Simulators sims, Duration patience) {
    this.sims = sims;
    this.patience = patience;
  }

  /** Points WhatsApp's and Viber's webhooks at a receiver (no handshake). */
  public void webhooksTo(CallbackReceiver receiver) {
    for (String p : new String[] {"whatsapp", "viber"}) {
      Http.postJson(
          sims.baseUrl(p) + "/__sim/webhook",
          "{\"url\":\"" + receiver.url("/webhooks/" + p) + "\",\"verify\":false}");
    }
  }

  /**
   * @param correlation our own id, echoed where the provider allows (Twilio StatusCallback query,
   *     WhatsApp biz_opaque_callback_data, Viber tracking_data)
   */
  public Sent send(String provider, String to, String correlation, CallbackReceiver receiver) {
    String base = sims.baseUrl(provider);
    JsonNode creds = Http.get(base + "/__sim/info").json().get("credentials");
    return switch (provider) {
      case "twilio" -> {
        String sid = creds.get("account_sid").asText();
        String form =
            "To="
                + enc(to)
                + "&From="
                + enc("+15005550006")
                + "&Body=hello"
                + "&StatusCallback="
                + enc(receiver.url("/webhooks/twilio?message_id=" + correlation));
        String basic =
            Base64.getEncoder()
                .encodeToString(
                    (sid + ":" + creds.get("auth_token").asText())
                        .getBytes(StandardCharsets.UTF_8));
        yield call(
            provider,
            base + "/2010-04-01/Accounts/" + sid + "/Messages.json",
            "application/x-www-form-urlencoded",
            form,
            "Authorization",
            "Basic " + basic);
      }
      case "whatsapp" ->
          call(
              provider,
              base
                  + "/"
                  + creds.get("api_version").asText()
                  + "/"
                  + creds.get("phone_number_id").asText()
                  + "/messages",
              "application/json",
              "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\""
                  + to.replace("+", "")
                  + "\",\"type\":\"text\",\"text\":{\"body\":\"hello\"},\"biz_opaque_callback_data\":\""
                  + correlation
                  + "\"}",
              "Authorization",
              "Bearer " + creds.get("access_token").asText());
      case "viber" ->
          call(
              provider,
              base + "/pa/send_message",
              "application/json",
              "{\"receiver\":\""
                  + to
                  + "\",\"min_api_version\":1,\"sender\":{\"name\":\"Octopods\"},\"tracking_data\":\""
                  + correlation
                  + "\",\"type\":\"text\",\"text\":\"hello\"}",
              "X-Viber-Auth-Token",
              creds.get("auth_token").asText());
      default -> throw new IllegalArgumentException("not a messaging provider: " + provider);
    };
  }

  private Sent call(
      String provider, String url, String contentType, String body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(patience)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Sent(
          provider,
          contentType,
          body,
          Optional.of(
              new Http.Answer(
                  r.statusCode(),
                  r.headers().firstValue("Content-Type").orElse(null),
                  r.body(),
                  r.headers())));
    } catch (HttpTimeoutException e) {
      return new Sent(provider, contentType, body, Optional.empty());
    } catch (IOException e) {
      // the provider closed the connection without an answer (a scripted time-out)
      return new Sent(provider, contentType, body, Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
