package io.octopods.simulator.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.Contracts;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drives the WhatsApp simulator the way a test does, through real HTTP only: its send route with
 * the credentials of {@code /__sim/info}, and the admin API (scenarios, bindings, clock, messages,
 * journal).
 */
public final class WhatsAppDriver {
  public static final Contracts CONTRACTS = Contracts.shipped();
  private static final HttpClient RAW =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final JsonNode credentials;

  public WhatsAppDriver(Simulators sims) {
    this.base = sims.baseUrl("whatsapp");
    this.credentials = Http.get(base + "/__sim/info").json().get("credentials");
  }

  public String base() {
    return base;
  }

  public String sendUrl() {
    return base
        + "/"
        + credentials.get("api_version").asText()
        + "/"
        + credentials.get("phone_number_id").asText()
        + "/messages";
  }

  /**
   * The JSON body of a text message; {@code callbackData} null sends no {@code
   * biz_opaque_callback_data}.
   */
  public static String textMessage(String to, String callbackData) {
    return "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\""
        + to
        + "\",\"type\":\"text\",\"text\":{\"body\":\"hello\"}"
        + (callbackData == null ? "" : ",\"biz_opaque_callback_data\":\"" + callbackData + "\"")
        + "}";
  }

  /** Sends a text message as a Cloud API client would. */
  public Http.Answer send(String to, String callbackData) {
    return Http.postJson(
        sendUrl(),
        textMessage(to, callbackData),
        "Authorization",
        "Bearer " + credentials.get("access_token").asText());
  }

  /** Sends and expects a 200 with a wamid; returns the wamid. */
  public String sendAccepted(String to, String callbackData) {
    Http.Answer a = send(to, callbackData);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    String wamid = a.json().at("/messages/0/id").asText();
    assertThat(wamid).startsWith("wamid.");
    return wamid;
  }

  /**
   * A send whose answer may never come: the HTTP answer, or empty when the connection closed
   * without one.
   */
  public Optional<HttpResponse<String>> sendRaw(String to, String callbackData, Duration patience) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sendUrl()))
            .timeout(patience)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + credentials.get("access_token").asText())
            .POST(HttpRequest.BodyPublishers.ofString(textMessage(to, callbackData)))
            .build();
    try {
      return Optional.of(RAW.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Uploads a YAML scenario (expects 200 or 201) and returns its id. */
  public String upload(String yaml) {
    Http.Answer a = Http.post(base + "/__sim/scenarios", "application/yaml", yaml);
    assertThat(a.status()).as(a.body()).isIn(200, 201);
    return a.json().get("id").asText();
  }

  /** Uploads a YAML scenario and binds it to a recipient. */
  public String play(String yaml, String to) {
    String id = upload(yaml);
    bind(to, id);
    return id;
  }

  public void bind(String to, String scenario) {
    Http.Answer a =
        Http.postJson(
            base + "/__sim/bindings", "{\"to\":\"" + to + "\",\"scenario\":\"" + scenario + "\"}");
    assertThat(a.status()).as(a.body()).isEqualTo(201);
  }

  /** Points the webhook at a receiver path without Meta's handshake. */
  public void webhookTo(String url) {
    Http.Answer a =
        Http.postJson(base + "/__sim/webhook", "{\"url\":\"" + url + "\",\"verify\":false}");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  public void webhookTo(CallbackReceiver receiver) {
    webhookTo(receiver.url("/webhooks/whatsapp"));
  }

  public void resetAll() {
    Http.Answer a = Http.post(base + "/__sim/reset?all=true", null, "");
    assertThat(a.status()).as(a.body()).isEqualTo(204);
  }

  /** Advances the virtual clock; returns the answer {@code {now, fired}}. */
  public JsonNode advance(String by) {
    Http.Answer a = Http.postJson(base + "/__sim/clock/advance", "{\"by\":\"" + by + "\"}");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json();
  }

  public Instant now() {
    return Instant.parse(Http.get(base + "/__sim/clock").json().get("now").asText());
  }

  public JsonNode message(String id) {
    Http.Answer a = Http.get(base + "/__sim/messages/" + enc(id));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json();
  }

  public String status(String id) {
    return message(id).get("status").asText();
  }

  public JsonNode messages() {
    return Http.get(base + "/__sim/messages").json().get("messages");
  }

  /** The journal, or one message's part of it. */
  public List<JsonNode> callbacks(String message) {
    Http.Answer a =
        Http.get(base + "/__sim/callbacks" + (message == null ? "" : "?message=" + enc(message)));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    a.json().get("attempts").forEach(list::add);
    return list;
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
