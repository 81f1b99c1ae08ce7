package io.octopods.features.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One kept-alive HTTP/1.1 connection, blocking, used by one thread: the request written in one go with a
 * {@code Content-Length}, the answer read whole. Modelled on the simulator's {@code CallbackConnections}
 * (package-private there), which was several times cheaper than {@code java.net.http} under load. A request
 * is never sent twice on a broken connection unless it was the kept-alive one the server had closed.
 */
final class KeptAliveClient implements AutoCloseable {
  /** The status and body of an answer. */
  record Answer(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  KeptAliveClient(String host, int port) {
    this.host = host;
    this.port = port;
  }

  Answer post(String pathAndQuery, Map<String, String> headers, byte[] body) throws IOException {
    return exchange("POST", pathAndQuery, headers, body);
  }

  Answer get(String pathAndQuery, Map<String, String> headers) throws IOException {
    return exchange("GET", pathAndQuery, headers, null);
  }

  private Answer exchange(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
    byte[] request = request(method, path, headers, body);
    boolean reused = socket != null;
    if (!reused) {
      connect();
    }
    try {
      out.write(request);
      out.flush();
      return readAnswer();
    } catch (IOException e) {
      close();
      if (!reused || e instanceof java.net.SocketTimeoutException) {
        throw e;
      }
      connect(); // the server closed the kept-alive connection before reading: once more on a fresh one
      try {
        out.write(request);
        out.flush();
        return readAnswer();
      } catch (IOException again) {
        close();
        throw again;
      }
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    socket.setSoTimeout(30_000);
    in = new BufferedInputStream(socket.getInputStream(), 8192);
    out = socket.getOutputStream();
  }

  private byte[] request(String method, String path, Map<String, String> headers, byte[] body) {
    StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(host).append(':').append(port).append("\r\n");
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
    if (body == null) {
      return h;
    }
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  private Answer readAnswer() throws IOException {
    while (true) {
      String statusLine = line();
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
      boolean close = false;
      for (String h = line(); h != null && !h.isEmpty(); h = line()) {
        int colon = h.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = h.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.contains("chunked");
          case "connection" -> close = value.contains("close");
          default -> { }
        }
      }
      if (status >= 100 && status < 200) {
        continue;
      }
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      if (chunked) {
        for (long n = chunkSize(); n > 0; n = chunkSize()) {
          b.write(in.readNBytes((int) n));
          line();
        }
        for (String t = line(); t != null && !t.isEmpty(); t = line()) {
          // trailers are dropped
        }
      } else if (length > 0) {
        b.write(in.readNBytes((int) length));
      }
      if (close) {
        close();
      }
      return new Answer(status, b.toByteArray());
    }
  }

  private long chunkSize() throws IOException {
    String size = line();
    if (size == null) {
      throw new IOException("the connection closed inside a chunked body");
    }
    int semicolon = size.indexOf(';');
    return Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        byte[] bytes = b.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // already gone
      }
      socket = null;
    }
  }
}
