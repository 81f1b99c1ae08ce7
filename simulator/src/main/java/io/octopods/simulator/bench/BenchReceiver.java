package io.octopods.simulator.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook receiver of the benchmark, in a JVM of its own: answers every request {@code 200}
 * with an empty body as fast as it can and counts the POSTs. It prints {@code port=<n>} once it
 * listens on a free loopback port, answers a line {@code count} on stdin with {@code count=<n>},
 * and exits when stdin closes, so it never outlives the benchmark that started it.
 *
 * <p>{@code raw} (the default) is a minimal HTTP/1.1 server, one thread per kept-alive connection,
 * one read and one write per request; {@code jdk} is {@code com.sun.net.httpserver.HttpServer} on a
 * fixed pool, to compare.
 *
 * <pre>
 * java -cp octopods-simulator-cli.jar io.octopods.simulator.bench.BenchReceiver [raw|jdk] [threads]
 * </pre>
 */
public final class BenchReceiver {
  private static final byte[] OK =
      "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OK_CLOSE =
      "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final AtomicLong posts = new AtomicLong();

  private BenchReceiver() {}

  public static void main(String[] args) throws IOException {
    String kind = args.length > 0 ? args[0] : "raw";
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    BenchReceiver receiver = new BenchReceiver();
    int port =
        switch (kind) {
          case "raw" -> receiver.startRaw();
          case "jdk" -> receiver.startJdk(threads);
          default ->
              throw new IllegalArgumentException("receiver kind must be raw or jdk, was " + kind);
        };
    System.out.println("port=" + port);
    System.out.flush();
    BufferedReader stdin =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = stdin.readLine()) != null) {
      if (line.trim().equals("count")) {
        System.out.println("count=" + receiver.posts.get());
        System.out.flush();
      }
    }
    System.exit(0); // stdin closed: the benchmark is gone or done
  }

  private int startJdk(int threads) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.setExecutor(Executors.newFixedThreadPool(threads, r -> daemon(r, "receiver")));
    server.createContext(
        "/",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
          }
          if ("POST".equals(exchange.getRequestMethod())) {
            posts.incrementAndGet();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    return server.getAddress().getPort();
  }

  private int startRaw() throws IOException {
    ServerSocket server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
    daemon(
            () -> {
              int n = 0;
              while (true) {
                try {
                  Socket s = server.accept();
                  daemon(() -> serve(s), "receiver-conn-" + n++).start();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "receiver-accept")
        .start();
    return server.getLocalPort();
  }

  /** Requests on one kept-alive connection, until the client closes it. */
  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      Wire in = new Wire(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (true) {
        String requestLine = in.line();
        if (requestLine == null) {
          if (Boolean.getBoolean("bench.receiver.debug")) {
            System.err.println("receiver: the client closed a connection");
          }
          return;
        }
        if (requestLine.isEmpty()) {
          continue; // tolerated between requests
        }
        long length = 0;
        boolean chunked = false;
        boolean close = requestLine.endsWith("HTTP/1.0");
        boolean expectContinue = false;
        String header;
        while ((header = in.line()) != null && !header.isEmpty()) {
          int colon = header.indexOf(':');
          if (colon < 0) {
            continue;
          }
          String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
          String value = header.substring(colon + 1).trim();
          switch (name) {
            case "content-length" -> length = Long.parseLong(value);
            case "transfer-encoding" ->
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            case "connection" -> close = value.equalsIgnoreCase("close");
            case "expect" -> expectContinue = value.equalsIgnoreCase("100-continue");
            default -> {}
          }
        }
        if (header == null) {
          return;
        }
        if (expectContinue) {
          out.write(CONTINUE);
          out.flush();
        }
        if (chunked) {
          in.skipChunks();
        } else {
          in.skip(length);
        }
        if (requestLine.startsWith("POST ")) {
          posts.incrementAndGet();
        }
        out.write(close ? OK_CLOSE : OK);
        out.flush();
        if (close) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      if (Boolean.getBoolean("bench.receiver.debug")) {
        System.err.println("receiver: connection ended: " + e);
      }
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * The bytes of one connection, read in large blocks: ASCII lines ending in CRLF (or LF), and
   * bodies to skip.
   */
  private static final class Wire {
    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int lim;
    private final StringBuilder line = new StringBuilder(128);

    Wire(InputStream in) {
      this.in = in;
    }

    private boolean fill() throws IOException {
      if (pos < lim) {
        return true;
      }
      int n = in.read(buf, 0, buf.length);
      if (n <= 0) {
        return false;
      }
      pos = 0;
      lim = n;
      return true;
    }

    /** The next line without its end, or null at the end of the stream. */
    String line() throws IOException {
      line.setLength(0);
      while (fill()) {
        while (pos < lim) {
          byte c = buf[pos++];
          if (c == '\n') {
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
              line.setLength(end - 1);
            }
            return line.toString();
          }
          line.append((char) (c & 0xff));
        }
      }
      return line.length() == 0 ? null : line.toString();
    }

    void skip(long n) throws IOException {
      long left = n;
      while (left > 0) {
        if (!fill()) {
          throw new IOException("connection closed in a body");
        }
        int step = (int) Math.min(left, lim - pos);
        pos += step;
        left -= step;
      }
    }

    void skipChunks() throws IOException {
      while (true) {
        String size = line();
        if (size == null) {
          throw new IOException("connection closed in a chunked body");
        }
        int semi = size.indexOf(';');
        long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
        if (n == 0) {
          String trailer;
          do {
            trailer = line();
          } while (trailer != null && !trailer.isEmpty());
          return;
        }
        skip(n);
        line(); // the CRLF after the chunk
      }
    }
  }
}
