package io.octopods.service.adapters.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.adapters.http.HttpServer;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.persistence.JdbcMessageStore;
import io.octopods.service.application.IncomingReport;
import io.octopods.service.application.ReportIntake;
import io.octopods.service.application.SendMessage;
import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.domain.Channel;
import io.octopods.service.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The public API on a real HTTP server over a real store (the embedded H2, or PostgreSQL when
 * OCTOPODS_TEST_DB_URL is set), called over HTTP. Two workspaces: acme and beta. The hand-off
 * worker's wake is a no-op, so messages stay QUEUED until a test applies reports with {@link
 * #report}.
 */
final class ApiTestServer implements AutoCloseable {
  static final String ACME_KEY = "acme_k_0123456789abcdef0123456789";
  static final String BETA_KEY = "beta_k_0123456789abcdef0123456789";
  static final String ACME_SECOND_KEY = "acme_k_second_0123456789abcdef01";
  static final String KEYS = "acme:" + ACME_KEY + ", beta:" + BETA_KEY + ",acme:" + ACME_SECOND_KEY;

  final TestDatabase db;
  final JdbcMessageStore store;
  final ManualClock rateClock = ManualClock.standingAt(Instant.parse("2026-11-26T10:00:00Z"));
  final ManualClock serviceClock = ManualClock.ticking(Instant.parse("2026-11-26T09:00:00Z"));
  final ReportIntake intake;
  final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  private ApiTestServer(Path dir, int rateLimit, UnaryOperator<MessageStore> storeSeenByApi) {
    db = TestDatabase.open(dir.resolve("db"));
    store = new JdbcMessageStore(db.database().dataSource());
    intake = new ReportIntake(store, serviceClock);
    SendMessage send = new SendMessage(store, serviceClock);
    ApiKeys keys = ApiKeys.from(Optional.of(KEYS), dir);
    PublicApiRoutes routes =
        new PublicApiRoutes(send, storeSeenByApi.apply(store), keys, rateLimit, rateClock);
    server = new HttpServer(List.of(routes)).start("127.0.0.1", 0);
  }

  /** Rate limit off. */
  static ApiTestServer start(Path dir) {
    return new ApiTestServer(dir, 0, s -> s);
  }

  static ApiTestServer withRateLimit(Path dir, int perSecond) {
    return new ApiTestServer(dir, perSecond, s -> s);
  }

  /** The API sees the store through {@code decorate} (sending still writes to the real one). */
  static ApiTestServer withStoreSeenByApi(Path dir, UnaryOperator<MessageStore> decorate) {
    return new ApiTestServer(dir, 0, decorate);
  }

  /** An answer as it came over the wire. */
  record Answer(int status, java.net.http.HttpHeaders headers, String body) {
    JsonNode json() {
      return JsonBodies.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    String contentType() {
      return header("Content-Type").orElse("");
    }

    List<String> pointers() {
      return json().get("errors").findValues("pointer").stream().map(JsonNode::asText).toList();
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  Answer get(String path, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return call(b.build());
  }

  /**
   * POSTs JSON with {@code Content-Type: application/json}; {@code headers} are name, value pairs.
   */
  Answer post(String path, String key, String json, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json");
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    return call(b.build());
  }

  /** Sends a valid request on a channel and returns the answer. */
  Answer send(String key, String channel, String to, String text, String... headers) {
    return post(
        "/api/v1/" + channel + "/messages",
        key,
        "{\"to\": \"" + to + "\", \"body\": \"" + text + "\"}",
        headers);
  }

  /** Sends and returns the new message's id. */
  String sent(String key, String channel) {
    Answer a = send(key, channel, "+15551230001", "hello");
    if (a.status() != 202) {
      throw new AssertionError("send failed: " + a.status() + " " + a.body());
    }
    return a.json().get("message_id").asText();
  }

  Answer call(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A provider report for one of our messages, as a webhook adapter would hand it over. */
  void report(
      Channel channel,
      String messageId,
      String providerId,
      String word,
      Optional<String> errorCode,
      Optional<String> errorTitle,
      Optional<Instant> providerTimestamp) {
    intake.apply(
        List.of(
            new IncomingReport(
                channel,
                Optional.ofNullable(providerId),
                Optional.ofNullable(messageId),
                word,
                providerTimestamp,
                errorCode,
                errorTitle,
                "{\"status\":\"" + word + "\"}")),
        "callback");
  }

  void report(Channel channel, String messageId, String providerId, String word) {
    report(
        channel, messageId, providerId, word, Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Override
  public void close() {
    server.close();
    db.close();
  }
}
