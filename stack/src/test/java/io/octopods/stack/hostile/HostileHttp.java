package io.octopods.stack.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.octopods.stack.support.StackHttp;
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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Raw HTTP for the hostile-input properties: any bytes as the body, any headers (or none, not even
 * a {@code Content-Type}), and a request that only declares its length (for bodies over a limit,
 * which a server refuses before reading them: sending them would race with its closing the
 * connection).
 */
final class HostileHttp {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
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
        return body == null || body.isBlank()
            ? MissingNode.getInstance()
            : StackHttp.JSON.readTree(body);
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
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> h = new LinkedHashMap<>();
      r.headers()
          .map()
          .forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
      return new Answer(r.statusCode(), h, new String(r.body(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A POST that declares {@code Content-Length: length} and sends no body, over a plain socket: a
   * server that refuses the length up front answers at once.
   */
  static Answer declaredLength(
      int port, String pathAndQuery, Map<String, String> headers, long length) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put("Content-Length", String.valueOf(length));
    try {
      return raw(port, "POST", pathAndQuery, h);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "POST " + pathAndQuery + " declaring " + length + " bytes failed: " + e, e);
    }
  }

  /**
   * A GET with the request target exactly as given (no client checks or encodes it: {@code %zz}, a
   * bare {@code %}), over a plain socket.
   */
  static Answer rawGet(int port, String pathAndQuery, Map<String, String> headers) {
    try {
      return raw(port, "GET", pathAndQuery, headers);
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + pathAndQuery + " failed: " + e, e);
    }
  }

  /**
   * One request with no body over a plain socket, then {@code Connection: close}; the answer as
   * sent.
   */
  private static Answer raw(
      int port, String method, String pathAndQuery, Map<String, String> headers)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      StringBuilder head =
          new StringBuilder(
              method + " " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("Connection: close\r\n\r\n");
      socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      String statusLine = line(in);
      Map<String, String> h = new LinkedHashMap<>();
      String l;
      while (!(l = line(in)).isEmpty()) {
        int colon = l.indexOf(':');
        if (colon > 0) {
          h.put(
              l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
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
      return new Answer(
          Integer.parseInt(statusLine.split(" ")[1]), h, new String(body, StandardCharsets.UTF_8));
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
}
