package io.octopods.simulator.core.callbacks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small blocking HTTP/1.1 client for callbacks: one kept-alive connection per thread and target, the
 * request written in one go with a {@code Content-Length}, the answer's body read and dropped. It is
 * several times cheaper than {@code java.net.http.HttpClient} per request and never reports an answered
 * request as failed (JDK-8338569), which would make the simulator retry a callback that arrived.
 */
final class CallbackConnections {
  /** No connection could be made (refused, unreachable, connect time-out). */
  static final class ConnectFailed extends IOException {
    ConnectFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Duration timeout;
  private final ThreadLocal<Map<String, Connection>> open = ThreadLocal.withInitial(HashMap::new);

  CallbackConnections(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * POSTs and returns the status code. Throws {@link ConnectFailed} when no connection could be made,
   * {@link java.net.SocketTimeoutException} when the answer took too long, another {@link IOException} when
   * the connection broke.
   */
  int post(URI target, Map<String, String> headers, byte[] body) throws IOException {
    String key = target.getScheme() + "://" + target.getHost() + ":" + port(target);
    Connection reused = open.get().remove(key);
    if (reused != null) {
      try {
        return exchange(reused, key, target, headers, body);
      } catch (java.net.SocketTimeoutException slow) {
        throw slow; // the request went out: never send it twice
      } catch (IOException stale) {
        reused.close(); // the server had closed the kept-alive connection: try once on a fresh one
      }
    }
    return exchange(connect(target), key, target, headers, body);
  }

  private int exchange(Connection c, String key, URI target, Map<String, String> headers, byte[] body)
      throws IOException {
    try {
      c.out.write(request(target, headers, body));
      c.out.flush();
      Answer answer = readAnswer(c.in);
      if (answer.keepAlive) {
        open.get().put(key, c);
      } else {
        c.close();
      }
      return answer.status;
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private Connection connect(URI target) throws IOException {
    Socket socket = "https".equals(target.getScheme()) ? SSLSocketFactory.getDefault().createSocket() : new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(target.getHost(), port(target)), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      return new Connection(socket);
    } catch (IOException e) {
      socket.close();
      throw new ConnectFailed("cannot connect to " + target.getHost() + ":" + port(target) + ": " + e.getMessage(), e);
    }
  }

  private static byte[] request(URI target, Map<String, String> headers, byte[] body) {
    String path = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    StringBuilder head = new StringBuilder(256)
        .append("POST ").append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(target.getHost());
    if (target.getPort() != -1) {
      head.append(':').append(target.getPort());
    }
    head.append("\r\nContent-Length: ").append(body.length).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  /** The status and whether the connection may be used again; the body is read and dropped. */
  private record Answer(int status, boolean keepAlive) {}

  private static Answer readAnswer(InputStream in) throws IOException {
    while (true) {
      String statusLine = line(in);
      if (statusLine == null) {
        throw new IOException("the connection closed before an answer");
      }
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IOException("not an HTTP answer: " + statusLine);
      }
      int status = Integer.parseInt(parts[1]);
      long length = -1;
      boolean chunked = false;
      boolean close = parts[0].equals("HTTP/1.0");
      for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
        int colon = h.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = h.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.contains("chunked");
          case "connection" -> close = value.contains("close") || (close && !value.contains("keep-alive"));
          default -> { }
        }
      }
      if (status >= 100 && status < 200) {
        continue; // an interim answer; the real one follows
      }
      if (chunked) {
        skipChunks(in);
      } else if (length >= 0) {
        skip(in, length);
      } else if (status != 204 && status != 304) {
        in.transferTo(OutputStream.nullOutputStream()); // the body ends when the connection does
        return new Answer(status, false);
      }
      return new Answer(status, !close);
    }
  }

  private static void skipChunks(InputStream in) throws IOException {
    while (true) {
      String size = line(in);
      if (size == null) {
        throw new IOException("the connection closed inside a chunked body");
      }
      int semicolon = size.indexOf(';');
      long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
          // trailers are dropped
        }
        return;
      }
      skip(in, n);
      line(in);
    }
  }

  private static void skip(InputStream in, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("the connection closed inside the body");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /** A line without its CRLF, or null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int len = b.size();
        byte[] bytes = b.toByteArray();
        return new String(bytes, 0, len > 0 && bytes[len - 1] == '\r' ? len - 1 : len, StandardCharsets.ISO_8859_1);
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  private static int port(URI target) {
    return target.getPort() != -1 ? target.getPort() : "https".equals(target.getScheme()) ? 443 : 80;
  }

  /** One open socket with buffered streams. */
  private static final class Connection {
    final Socket socket;
    final InputStream in;
    final OutputStream out;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new BufferedInputStream(socket.getInputStream(), 8192);
      this.out = socket.getOutputStream();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
  }
}
