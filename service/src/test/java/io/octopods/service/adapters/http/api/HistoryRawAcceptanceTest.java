package io.octopods.service.adapters.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.Contracts;
import io.octopods.service.adapters.http.HttpServer;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.persistence.JdbcMessageStore;
import io.octopods.service.adapters.persistence.JdbcOutbox;
import io.octopods.service.adapters.webhooks.twilio.TwilioSignature;
import io.octopods.service.adapters.webhooks.twilio.TwilioWebhookRoutes;
import io.octopods.service.adapters.webhooks.viber.ViberSignature;
import io.octopods.service.adapters.webhooks.viber.ViberWebhookRoutes;
import io.octopods.service.adapters.webhooks.whatsapp.MetaSignature;
import io.octopods.service.adapters.webhooks.whatsapp.WhatsAppWebhookRoutes;
import io.octopods.service.application.HandOff;
import io.octopods.service.application.HandOffPolicy;
import io.octopods.service.application.HandOffResult;
import io.octopods.service.application.ReportIntake;
import io.octopods.service.application.SendMessage;
import io.octopods.service.application.ports.OutboxItem;
import io.octopods.service.domain.Channel;
import io.octopods.service.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET .../history?include=raw} on a running server that also takes the providers' webhooks,
 * over a real store (the embedded H2, or PostgreSQL when OCTOPODS_TEST_DB_URL is set): each
 * callback's event shows the payload exactly as it was posted, the send event shows null.
 */
class HistoryRawAcceptanceTest {
  private static final String KEY = "acme_k_0123456789abcdef0123456789";
  private static final String PUBLIC = "https://status.example.com";
  private static final String TWILIO_TOKEN = "twilio-test-auth-token";
  private static final String APP_SECRET = "whatsapp-test-app-secret";
  private static final String VIBER_TOKEN = "viber-test-auth-token";
  private static final String TWILIO_SID = "SM0123456789abcdef0123456789abcdef";
  private static final String WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA";
  private static final String VIBER_TOKEN_DIGITS = "4912661846655238145";
  private static final Map<Channel, HandOffResult> ACCEPTED =
      Map.of(
          Channel.SMS, new HandOffResult.Accepted(TWILIO_SID, "queued"),
          Channel.WHATSAPP, new HandOffResult.Accepted(WAMID, "accepted"),
          Channel.VIBER, new HandOffResult.Accepted(VIBER_TOKEN_DIGITS, "0"));

  @TempDir Path dir;
  private TestDatabase db;
  private JdbcOutbox outbox;
  private HandOff handOff;
  private HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    db = TestDatabase.open(dir.resolve("db"));
    JdbcMessageStore store = new JdbcMessageStore(db.database().dataSource());
    Clock clock = Clock.systemUTC();
    outbox = new JdbcOutbox(store);
    handOff =
        new HandOff(
            store,
            outbox,
            channel -> message -> ACCEPTED.get(channel),
            new HandOffPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1)),
            clock);
    ReportIntake intake = new ReportIntake(store, clock);
    server =
        new HttpServer(
                List.of(
                    new PublicApiRoutes(
                        new SendMessage(store, clock),
                        store,
                        ApiKeys.from(Optional.of("acme:" + KEY), dir),
                        0,
                        clock),
                    new TwilioWebhookRoutes(TWILIO_TOKEN, PUBLIC + "/", intake),
                    new WhatsAppWebhookRoutes(APP_SECRET, "verify", intake),
                    new ViberWebhookRoutes(VIBER_TOKEN, intake)))
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
    db.close();
  }

  @Test
  void twilioShowsTheFormBodyAsPosted() {
    String id = sentAndHandedOff("sms");
    String form =
        "MessageSid="
            + TWILIO_SID
            + "&AccountSid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&From=%2B14155552345"
            + "&To=%2B15551230001&MessageStatus=delivered&RawDlrDoneDate=2311261005"
            + "&ApiVersion=2010-04-01";
    String pathAndQuery = TwilioWebhookRoutes.PATH + "?message_id=" + id;
    String signature = TwilioSignature.of(TWILIO_TOKEN, PUBLIC + pathAndQuery, decoded(form));
    assertThat(
            post(
                pathAndQuery,
                "application/x-www-form-urlencoded",
                form,
                TwilioSignature.HEADER,
                signature))
        .isEqualTo(200);

    JsonNode events = history("sms", id, "?include=raw").get("data");
    assertThat(events)
        .extracting(e -> e.get("source").asText())
        .containsExactly("send", "callback");
    assertThat(events.get(0).get("raw").isNull()).as("a send keeps no payload").isTrue();
    assertThat(events.get(1).get("raw").asText()).isEqualTo(form);
  }

  @Test
  void whatsAppShowsEachStatusItemAsPosted() {
    String id = sentAndHandedOff("whatsapp");
    String delivered =
        "{\"id\":\"" + WAMID + "\", \"status\":\"delivered\",\"timestamp\":\"1750030075\"}";
    String read = "{ \"id\": \"" + WAMID + "\",\n \"status\": \"read\", \"note\": \"caf\\u00e9\" }";
    String notification =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
            + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
            + "\"statuses\":["
            + delivered
            + ", "
            + read
            + "]}}]}]}";
    byte[] body = notification.getBytes(StandardCharsets.UTF_8);
    assertThat(
            post(
                WhatsAppWebhookRoutes.PATH,
                "application/json",
                notification,
                MetaSignature.HEADER,
                MetaSignature.of(APP_SECRET, body)))
        .isEqualTo(200);

    JsonNode events = history("whatsapp", id, "?include=raw").get("data");
    assertThat(events)
        .extracting(e -> e.get("raw").isNull() ? null : e.get("raw").asText())
        .containsExactly(null, delivered, read);
  }

  @Test
  void viberShowsTheCallbackBodyAsPosted() {
    String id = sentAndHandedOff("viber");
    String callback =
        "{\"event\":\"delivered\",\"timestamp\":1457764197627,\"message_token\":"
            + VIBER_TOKEN_DIGITS
            + ",\"user_id\":\"01234567890A=\"}";
    byte[] body = callback.getBytes(StandardCharsets.UTF_8);
    assertThat(
            post(
                ViberWebhookRoutes.PATH,
                "application/json",
                callback,
                ViberSignature.HEADER,
                ViberSignature.of(VIBER_TOKEN, body)))
        .isEqualTo(200);

    JsonNode history = history("viber", id, "?include=raw");
    assertThat(Contracts.shipped().check("service/history.schema.json", JsonBodies.write(history)))
        .isEmpty();
    JsonNode events = history.get("data");
    assertThat(events.get(0).get("raw").isNull()).isTrue();
    assertThat(events.get(1).get("raw").asText()).isEqualTo(callback);
  }

  @Test
  void withoutIncludeNoEventHasRaw() {
    String id = sentAndHandedOff("viber");
    for (String query : List.of("", "?include=")) {
      JsonNode events = history("viber", id, query).get("data");
      assertThat(events).isNotEmpty();
      assertThat(events).allSatisfy(e -> assertThat(e.has("raw")).isFalse());
    }
  }

  @Test
  void anyOtherIncludeIsABadRequestAtTheQueryParameter() {
    String id = sentAndHandedOff("sms");
    for (String query : List.of("?include=other", "?include=RAW", "?include=raw&include=raw")) {
      HttpResponse<String> answer = get("/api/v1/sms/messages/" + id + "/history" + query);
      assertThat(answer.statusCode()).as(query).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      JsonNode problem = JsonBodies.parse(answer.body().getBytes(StandardCharsets.UTF_8));
      assertThat(
              Contracts.shipped().check("service/bad-request-problem.schema.json", answer.body()))
          .isEmpty();
      assertThat(problem.at("/errors/0/pointer").asText()).isEqualTo("#/query/include");
      assertThat(problem.at("/errors/0/detail").asText()).isNotBlank();
    }
  }

  /** Sends on {@code channel} through the API and runs the hand-off, which the provider accepts. */
  private String sentAndHandedOff(String channel) {
    HttpResponse<String> answer =
        call(
            HttpRequest.newBuilder(uri("/api/v1/" + channel + "/messages"))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"to\": \"+15551230001\", \"body\": \"hello\"}"))
                .build());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    Instant now = Instant.now();
    List<OutboxItem> due =
        outbox.claimDue(OutboxItem.HANDOFF, now, 10, now.plus(Duration.ofMinutes(1)));
    assertThat(due).hasSize(1);
    handOff.run(due.get(0));
    return JsonBodies.parse(answer.body().getBytes(StandardCharsets.UTF_8))
        .get("message_id")
        .asText();
  }

  private JsonNode history(String channel, String id, String query) {
    HttpResponse<String> answer =
        get("/api/v1/" + channel + "/messages/" + id + "/history" + query);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JsonBodies.parse(answer.body().getBytes(StandardCharsets.UTF_8));
  }

  private int post(String pathAndQuery, String contentType, String body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(pathAndQuery))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return call(b.build()).statusCode();
  }

  private HttpResponse<String> get(String path) {
    return call(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + KEY).build());
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  private HttpResponse<String> call(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The form's parameters, decoded, as Twilio signs them. */
  private static Map<String, List<String>> decoded(String form) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      params
          .computeIfAbsent(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              k -> new ArrayList<>())
          .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }
}
