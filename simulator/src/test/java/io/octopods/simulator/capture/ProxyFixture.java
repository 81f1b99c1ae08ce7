package io.octopods.simulator.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** Starts capture proxies for a test, on free ports, with a fixed clock and a captured stderr. */
final class ProxyFixture {
  static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  static CaptureProxy.Settings settings(String provider, URI upstream, Path out) {
    return new CaptureProxy.Settings(
        provider, upstream, "127.0.0.1", 0, out, Optional.empty(), Optional.empty(), false, CLOCK);
  }

  CaptureProxy start(CaptureProxy.Settings settings) {
    return CaptureProxy.start(settings, err);
  }

  String stderr() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  /** A URL where nothing listens. */
  static URI nowhere() {
    try (ServerSocket s = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** POSTs {@code body} to {@code url} with the given headers; the answer as text. */
  static HttpResponse<String> post(String url, Map<String, String> headers, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
