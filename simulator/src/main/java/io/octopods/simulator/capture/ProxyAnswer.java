package io.octopods.simulator.capture;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What the proxy answers the provider: the upstream's answer as it came, or a 502. */
final class ProxyAnswer {
  private ProxyAnswer() {}

  /** The upstream's status, headers (hop-by-hop ones left to the server) and body. */
  static void upstreams(HttpExchange exchange, ArrivedRequest request, Forwarder.Answer answer)
      throws IOException {
    for (Map.Entry<String, List<String>> h : answer.headers().entrySet()) {
      if (!HeaderNames.hopByHop(h.getKey()) && !h.getKey().startsWith(":")) {
        exchange.getResponseHeaders().put(HeaderNames.canonical(h.getKey()), h.getValue());
      }
    }
    send(exchange, request, answer.status(), answer.body());
  }

  /** {@code 502}, naming the upstream that could not be reached, so that the provider retries. */
  static void badGateway(HttpExchange exchange, ArrivedRequest request, URI upstream)
      throws IOException {
    byte[] body =
        ("octopods record: the upstream " + upstream + " could not be reached\n")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    send(exchange, request, 502, body);
  }

  private static void send(HttpExchange exchange, ArrivedRequest request, int status, byte[] body)
      throws IOException {
    boolean bodiless =
        body.length == 0
            || "HEAD".equals(request.method())
            || status == 204
            || status == 304
            || status < 200;
    exchange.sendResponseHeaders(status, bodiless ? -1 : body.length);
    if (!bodiless) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
