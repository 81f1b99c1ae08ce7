package io.octopods.service.adapters.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.adapters.http.HttpServer;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.http.RouteGroup;
import io.octopods.service.adapters.persistence.JdbcMessageStore;
import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ReportIntake;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.service.support.Messages;
import io.octopods.service.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One provider's webhook routes on a real HTTP server over a real store (the embedded H2, or
 * PostgreSQL when OCTOPODS_TEST_DB_URL is set) and a real {@link ReportIntake}, called over HTTP.
 */
public final class WebhookTestServer implements AutoCloseable {
  public static final String WORKSPACE = "acme";

  private final TestDatabase db;
  private final JdbcMessageStore store;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  public WebhookTestServer(Path dir, Function<ReportIntake, RouteGroup> routes) {
    db = TestDatabase.open(dir.resolve("db"));
    store = new JdbcMessageStore(db.database().dataSource());
    server =
        new HttpServer(List.of(routes.apply(new ReportIntake(store, Clock.systemUTC()))))
            .start("127.0.0.1", 0);
  }

  /** An answer as it came over the wire. */
  public record Answer(int status, HttpHeaders headers, String body) {
    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    public JsonNode json() {
      return JsonBodies.parse(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * A SENT message on {@code channel}, stored; {@code providerId} null for one whose send answer
   * has not come.
   */
  public MessageRecord message(Channel channel, String providerId) {
    MessageRecord m = Messages.sent(WORKSPACE, channel, providerId);
    store.inTransaction(
        tx -> {
          tx.insert(m);
          return null;
        });
    return m;
  }

  public List<HistoryEvent> history(String messageId) {
    return store.history(messageId);
  }

  public Status status(String messageId) {
    return store.find(WORKSPACE, messageId).orElseThrow().status();
  }

  public MessageRecord find(String messageId) {
    return store.find(WORKSPACE, messageId).orElseThrow();
  }

  public long orphans() {
    return store.pending().orphans();
  }

  /** Closes the database under the running server: every write now fails as storage being down. */
  public void stopStorage() {
    db.close();
  }

  /** Where the server really listens (what a Host header would say). */
  public String localUrl(String pathAndQuery) {
    return "http://127.0.0.1:" + server.port() + pathAndQuery;
  }

  /**
   * POSTs {@code body}; {@code contentType} null sends none; {@code headers} are name, value pairs.
   */
  public Answer post(String pathAndQuery, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(localUrl(pathAndQuery)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return call(b.build());
  }

  /**
   * The status line's code for a POST that declares a {@code Content-Length} of {@code length} and
   * sends no body: a server that refuses the length up front answers at once. (Sending a body the
   * server will not read races with its closing the connection, and a client may then see no answer
   * at all.)
   */
  public int statusOfDeclaredLength(String pathAndQuery, String contentType, long length) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      String head =
          "POST "
              + pathAndQuery
              + " HTTP/1.1\r\nHost: 127.0.0.1:"
              + server.port()
              + "\r\nContent-Type: "
              + contentType
              + "\r\nContent-Length: "
              + length
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String statusLine =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Answer post(String pathAndQuery, String contentType, String body, String... headers) {
    return post(pathAndQuery, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  public Answer get(String pathAndQuery) {
    return call(HttpRequest.newBuilder(URI.create(localUrl(pathAndQuery))).GET().build());
  }

  public Answer call(HttpRequest request) {
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

  @Override
  public void close() {
    server.close();
    db.close();
  }
}
