package io.octopods.service.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.octopods.service.support.StackHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Raw HTTP for the hostile-input properties: any bytes as the body, any headers (or none, not even a
 * {@code Content-Type}), and a request that only declares its length (for bodies over a limit, which a server
 * refuses before reading them: sending them would race with its closing the connection).
 */
final class HostileHttp {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private HostileHttp() {}

  /** One answer: status, headers (names lower case) and body as text. */
  record Answer(int status, Map<String, String> headers, String body) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    String contentType() {
      return header("content-type").orElse("");
    }

    JsonNode json() {
      try {
        return body == null || body.isBlank() ? MissingNode.getInstance() : StackHttp.JSON.readTree(body);
      } catch (IOException e) {
        return MissingNode.getInstance();
      }
    }

    @Override
    public String toString() {
      return status + " " + contentType() + " " + Samples.clip(body, 600);
    }
  }

  /** {@code headers}: name -> value, in order; the body as bytes, or null for none. */
  static Answer call(String method, String url, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    headers.forEach(b::header);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> h = new LinkedHashMap<>();
      r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
      return new Answer(r.statusCode(), h, new String(r.body(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A POST that declares {@code Content-Length: length} and sends no body, over a plain socket: a server that
   * refuses the length up front answers at once.
   */
  static Answer declaredLength(int port, String pathAndQuery, Map<String, String> headers, long length) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      StringBuilder head = new StringBuilder("POST " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("Content-Length: ").append(length).append("\r\nConnection: close\r\n\r\n");
      socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      String statusLine = line(in);
      Map<String, String> h = new LinkedHashMap<>();
      String l;
      while (!(l = line(in)).isEmpty()) {
        int colon = l.indexOf(':');
        if (colon > 0) {
          h.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
      }
      byte[] body;
      String cl = h.get("content-length");
      if (cl != null) {
        body = in.readNBytes(Integer.parseInt(cl));
      } else if ("chunked".equalsIgnoreCase(h.get("transfer-encoding"))) {
        body = chunked(in);
      } else {
        body = readQuietly(in);
      }
      return new Answer(Integer.parseInt(statusLine.split(" ")[1]), h, new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("POST " + pathAndQuery + " declaring " + length + " bytes failed: " + e, e);
    }
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String size = line(in).split(";", 2)[0].trim();
      int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
      if (n == 0) {
        return out.toByteArray();
      }
      out.write(in.readNBytes(n));
      line(in);
    }
  }

  private static byte[] readQuietly(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * Checks a 4xx answer is RFC 9457: {@code application/problem+json} with {@code type}, {@code title},
   * {@code status} equal to the HTTP status, and a {@code detail}; answers the text of {@code detail} and of
   * every {@code errors[].pointer} and {@code errors[].detail}, for the caller to look for what is wrong.
   */
  static String problemText(Answer a, Object sample) {
    assertThat(a.contentType()).as("a %s answer is problem+json: %s\nfor %s", a.status(), a, sample)
        .startsWith("application/problem+json");
    JsonNode p = a.json();
    assertThat(p.path("status").asInt()).as("problem.status: %s\nfor %s", a, sample).isEqualTo(a.status());
    assertThat(p.path("title").asText()).as("problem.title: %s\nfor %s", a, sample).isNotBlank();
    assertThat(p.path("type").asText()).as("problem.type: %s\nfor %s", a, sample).isNotBlank();
    assertThat(p.path("detail").asText()).as("problem.detail: %s\nfor %s", a, sample).isNotBlank();
    List<String> parts = new ArrayList<>();
    parts.add(p.path("detail").asText());
    p.path("errors").forEach(e -> {
      parts.add(e.path("pointer").asText());
      parts.add(e.path("detail").asText());
    });
    return String.join(" | ", parts);
  }

  /** The {@code errors[].pointer}s of a problem. */
  static List<String> pointers(Answer a) {
    List<String> list = new ArrayList<>();
    a.json().path("errors").forEach(e -> list.add(e.path("pointer").asText()));
    return list;
  }
}
