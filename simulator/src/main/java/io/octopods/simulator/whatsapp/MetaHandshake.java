package io.octopods.simulator.whatsapp;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Meta's webhook verification: a GET with hub.mode, hub.verify_token and hub.challenge, answered
 * 200 with the challenge.
 */
final class MetaHandshake {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  void run(String url, String verifyToken) {
    String challenge = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String query =
        "hub.mode=subscribe&hub.verify_token="
            + URLEncoder.encode(verifyToken, StandardCharsets.UTF_8)
            + "&hub.challenge="
            + challenge;
    URI uri = URI.create(url + (url.contains("?") ? "&" : "?") + query);
    HttpResponse<String> answer;
    try {
      answer =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalArgumentException("Meta's verification GET to " + url + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalArgumentException("interrupted while verifying " + url);
    }
    if (answer.statusCode() != 200 || !challenge.equals(answer.body().trim())) {
      throw new IllegalArgumentException(
          "Meta's verification GET to "
              + url
              + " was answered "
              + answer.statusCode()
              + " '"
              + abbreviate(answer.body())
              + "', expected 200 with the challenge '"
              + challenge
              + "'");
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
