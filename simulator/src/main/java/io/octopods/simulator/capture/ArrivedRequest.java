package io.octopods.simulator.capture;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request as it reached the proxy: method, raw path, raw query (no {@code ?}, empty when none),
 * headers with their values in order, and the body bytes.
 */
record ArrivedRequest(
    String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

  static ArrivedRequest read(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(HeaderNames.canonical(name), List.copyOf(values)));
    String query = exchange.getRequestURI().getRawQuery();
    return new ArrivedRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        query == null ? "" : query,
        headers,
        exchange.getRequestBody().readAllBytes());
  }

  /** The callback line for this request (repeated header values joined with {@code ", "}). */
  Capture.Callback callback(Instant t, String signature, int upstreamStatus, long upstreamMs) {
    Map<String, String> flat = new LinkedHashMap<>();
    headers.forEach((name, values) -> flat.put(name, String.join(", ", values)));
    return new Capture.Callback(
        t,
        method,
        path,
        query,
        flat,
        new String(body, StandardCharsets.UTF_8),
        signature,
        upstreamStatus,
        upstreamMs);
  }
}
