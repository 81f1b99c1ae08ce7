package io.octopods.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.octopods.stack.Stack;
import io.octopods.stack.StackProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README's walk-through of {@code ./octopods up --clock virtual}, call for call: bind a library
 * scenario, send through the public API, advance the clock, and watch the API reach the final
 * status with the whole history, on each channel.
 */
class UpWalkthroughAcceptanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Stack stack;
  private static String key;

  @BeforeAll
  static void up() throws IOException {
    Path dataDir = Files.createTempDirectory("octopods-up");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("OCTOPODS_API_KEYS");
    env.remove("OCTOPODS_DB_URL");
    stack =
        Stack.of(StackProfile.LOCAL)
            .flags(Map.of("--port-base", "0", "--data-dir", dataDir.toString()))
            .settings(env)
            .clock("virtual")
            .start();
    key = stack.service().demoKey().orElseThrow();
  }

  @AfterAll
  static void down() {
    stack.close();
  }

  @ParameterizedTest(name = "{0} with {2}")
  @CsvSource({
    "whatsapp, whatsapp, whatsapp-a2-read-before-delivered, READ, 'send:SENT,sent:duplicate,read:READ,delivered:stale,delivered:stale'",
    "sms, twilio, twilio-a1-sent-after-delivered, DELIVERED, 'send:SENT,delivered:DELIVERED,sent:stale'",
    "viber, viber, viber-a6-seen-covers-delivery, DELIVERED, 'send:SENT,seen:DELIVERED'"
  })
  void bindSendAdvanceAndReadTheFinalStatusWithItsHistory(
      String channel, String provider, String scenario, String finalStatus, String history)
      throws Exception {
    String sim = stack.simulators().baseUrl(provider);
    String to = "+1555" + (1000000 + (int) (Math.random() * 8999999));
    assertThat(
            post(
                    sim + "/__sim/bindings",
                    "{\"to\":\"" + to + "\",\"scenario\":\"" + scenario + "\"}",
                    null)
                .statusCode())
        .isEqualTo(201);

    HttpResponse<String> sent =
        post(
            stack.service().baseUrl() + "/api/v1/" + channel + "/messages",
            "{\"to\":\"" + to + "\",\"body\":\"hello\"}",
            key);
    assertThat(sent.statusCode()).isEqualTo(202);
    String id = JSON.readTree(sent.body()).get("message_id").asText();
    String message = stack.service().baseUrl() + "/api/v1/" + channel + "/messages/" + id;
    await().atMost(Duration.ofSeconds(10)).until(() -> status(message).equals("SENT"));

    assertThat(post(sim + "/__sim/clock/advance", "{\"by\":\"PT1M\"}", null).statusCode())
        .isEqualTo(200);

    assertThat(status(message)).isEqualTo(finalStatus);
    JsonNode events = JSON.readTree(get(message + "/history").body()).get("data");
    StringBuilder seen = new StringBuilder();
    for (JsonNode e : events) {
      String word =
          "send".equals(e.get("source").asText()) ? "send" : e.get("provider_status").asText();
      seen.append(seen.length() == 0 ? "" : ",")
          .append(word)
          .append(':')
          .append(
              e.get("applied").asBoolean()
                  ? e.get("mapped_status").asText()
                  : e.get("reason").asText());
    }
    assertThat(seen.toString()).isEqualTo(history);
  }

  private static String status(String message) throws Exception {
    return JSON.readTree(get(message).body()).at("/message_status/message_status").asText();
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String json, String bearer)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
