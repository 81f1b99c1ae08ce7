package io.octopods.simulator.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP endpoint on a free port that records every callback it gets and answers a chosen
 * status.
 */
public final class CallbackReceiver implements AutoCloseable {
  /** One request as received: method, path with query, headers (lower-case names), raw body. */
  public record Received(String method, String uri, Map<String, String> headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);

  public CallbackReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Map<String, String> headers = new TreeMap<>();
          exchange
              .getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
          String query = exchange.getRequestURI().getRawQuery();
          Received r =
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                  headers,
                  body);
          synchronized (received) {
            received.add(r);
          }
          byte[] answer = answerFor(r);
          exchange.sendResponseHeaders(status.get(), answer.length == 0 ? -1 : answer.length);
          if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
          }
          exchange.close();
        });
    server.start();
  }

  /** Answers Meta's verification GET with its challenge, everything else with an empty body. */
  private static byte[] answerFor(Received r) {
    if ("GET".equals(r.method()) && r.uri().contains("hub.challenge=")) {
      String challenge = r.uri().replaceAll(".*hub\\.challenge=([^&]*).*", "$1");
      return challenge.getBytes(StandardCharsets.UTF_8);
    }
    return new byte[0];
  }

  /** The status every later request is answered with. */
  public CallbackReceiver answering(int httpStatus) {
    status.set(httpStatus);
    return this;
  }

  public String url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path).toString();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The POSTs received so far, in arrival order. */
  public List<Received> posts() {
    synchronized (received) {
      return received.stream().filter(r -> "POST".equals(r.method())).toList();
    }
  }

  public List<Received> all() {
    synchronized (received) {
      return new ArrayList<>(received);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
