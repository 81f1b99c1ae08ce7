package io.octopods.simulator.viber;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.clock.ScenarioClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Viber's test of a webhook URL: a signed {@code
 * {"event":"webhook","timestamp","chat_hostname","message_token"}} POSTed to it with the signature
 * in the header and as {@code sig} in the URL (through {@code connect_to} when one is set), which
 * must be answered 200.
 */
final class WebhookCheck {
  private static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(PATIENCE)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final ScenarioClock clock;

  WebhookCheck(ScenarioClock clock) {
    this.clock = clock;
  }

  /** Sends the check event; throws {@link IllegalArgumentException} saying what failed. */
  void run(String url, Optional<String> connectTo) {
    byte[] body = Json.write(event()).getBytes(StandardCharsets.UTF_8);
    String signature = ViberSignature.of(ViberSimulator.AUTH_TOKEN, body);
    URI target = target(ViberSignature.onUrl(url, signature), connectTo);
    HttpResponse<String> answer;
    try {
      answer =
          HTTP.send(
              HttpRequest.newBuilder(target)
                  .timeout(PATIENCE)
                  .header("Content-Type", "application/json")
                  .header(ViberSignature.HEADER, signature)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Viber's webhook check event could not be POSTed to "
              + url
              + (connectTo.isPresent() ? " (through " + target + ")" : "")
              + ": "
              + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalArgumentException("interrupted while checking " + url);
    }
    if (answer.statusCode() != 200) {
      throw new IllegalArgumentException(
          "Viber's webhook check event POSTed to "
              + url
              + " was answered "
              + answer.statusCode()
              + ", expected 200");
    }
  }

  private ObjectNode event() {
    ObjectNode event =
        Json.object()
            .put("event", "webhook")
            .put("timestamp", clock.now().toEpochMilli())
            .put("chat_hostname", ViberAnswers.CHAT_HOSTNAME);
    event.set("message_token", MessageToken.json(MessageToken.next()));
    return event;
  }

  /** The URL, or the same path and query on the {@code connect_to} address. */
  private static URI target(String url, Optional<String> connectTo) {
    URI uri = URI.create(url);
    if (connectTo.isEmpty()) {
      return uri;
    }
    URI via = URI.create(connectTo.get());
    String pathAndQuery =
        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return URI.create(via.getScheme() + "://" + via.getRawAuthority() + pathAndQuery);
  }
}
