package io.octopods.simulator.capture;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a request on to the upstream unchanged (method, path, query, headers, body bytes; only
 * hop-by-hop headers are left to the HTTP client) and brings back its answer.
 */
final class Forwarder {
  /** Longer than any provider waits for a webhook answer. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final String upstream;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** The upstream's answer: status, headers and body as received. */
  record Answer(int status, Map<String, List<String>> headers, byte[] body) {}

  Forwarder(URI upstream) {
    String u = upstream.toString();
    this.upstream = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  /** The upstream's answer, or empty (with why, in {@code failure}) when it gave none. */
  Optional<Answer> forward(ArrivedRequest r, StringBuilder failure) {
    URI target = URI.create(upstream + r.path() + (r.query().isEmpty() ? "" : "?" + r.query()));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target).timeout(PATIENCE).method(r.method(), publisher(r));
    r.headers()
        .forEach(
            (name, values) -> {
              if (!HeaderNames.hopByHop(name)) {
                for (String value : values) {
                  try {
                    request.header(name, value);
                  } catch (IllegalArgumentException restricted) {
                    // a header the HTTP client insists on setting itself
                  }
                }
              }
            });
    try {
      HttpResponse<byte[]> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return Optional.of(new Answer(answer.statusCode(), answer.headers().map(), answer.body()));
    } catch (IOException | IllegalArgumentException e) {
      failure.append(e);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.append("interrupted");
      return Optional.empty();
    }
  }

  private static HttpRequest.BodyPublisher publisher(ArrivedRequest r) {
    boolean announced =
        r.headers().containsKey("Content-Length") || r.headers().containsKey("Transfer-Encoding");
    return r.body().length == 0 && !announced
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(r.body());
  }
}
