package io.octopods.simulator.core.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small blocking HTTP/1.1 client: one kept-alive connection per calling thread and server, each
 * request written in one go (with a {@code Content-Length} when it has a body), the answer read
 * whole before the call returns. It is several times cheaper per request than {@code
 * java.net.http.HttpClient} and never reports an answered request as failed (JDK-8338569).
 *
 * <p>Used by the simulator to deliver callbacks (where a failure reported for a callback that
 * arrived would make it retry) and by the load benchmarks, which drive a server from many threads,
 * each on its own connection.
 *
 * <p>{@code https} targets are reached over TLS with the trust of the {@link SSLSocketFactory}
 * given (the JDK's default otherwise), checking the host name as browsers do; a handshake that
 * fails (an untrusted certificate, a name it does not cover) counts as no connection made.
 *
 * <p>A request goes out at most twice: a second time, on a fresh connection, only when the
 * kept-alive connection it was first written to turned out to be closed by the server, and never
 * after a read time-out. One instance may be shared by any number of threads; {@link #close()}
 * closes the connections it keeps for all of them.
 */
public final class KeptAliveConnections implements AutoCloseable {
  /** No connection could be made (refused, unreachable, connect time-out); the cause says which. */
  public static final class ConnectFailed extends IOException {
    ConnectFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The status and, where asked for, the body of an answer. */
  public record Answer(int status, byte[] body) {
    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final SSLSocketFactory tls;

  /**
   * Each thread's idle connections by server, held weakly: those of a thread that has ended go with
   * it.
   */
  private final Map<Thread, Map<String, Connection>> byThread =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final ThreadLocal<Map<String, Connection>> open =
      ThreadLocal.withInitial(
          () -> {
            Map<String, Connection> mine = new ConcurrentHashMap<>();
            byThread.put(Thread.currentThread(), mine);
            return mine;
          });

  /** One time-out for making a connection and for each wait on the answer. */
  public KeptAliveConnections(Duration timeout) {
    this(timeout, timeout);
  }

  public KeptAliveConnections(Duration connectTimeout, Duration readTimeout) {
    this(connectTimeout, readTimeout, (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /**
   * As above, reaching {@code https} servers with {@code tls} (whose trust decides which
   * certificates pass).
   */
  public KeptAliveConnections(Duration connectTimeout, Duration readTimeout, SSLSocketFactory tls) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.tls = tls;
  }

  /**
   * POSTs to {@code target} (scheme, host, port, path and query) and returns the status; the
   * answer's body is read and dropped. Throws {@link ConnectFailed} when no connection could be
   * made, {@link SocketTimeoutException} when the answer took too long, another {@link IOException}
   * when the connection broke.
   */
  public int post(URI target, Map<String, String> headers, byte[] body) throws IOException {
    return exchange("POST", target, pathAndQuery(target), headers, body, false).status;
  }

  /**
   * As {@link #post(URI, Map, byte[])}, with the server ({@code http://host:port}) and the path
   * with its query given apart, so that nothing is parsed per request.
   */
  public int post(URI server, String pathAndQuery, Map<String, String> headers, byte[] body)
      throws IOException {
    return exchange("POST", server, pathAndQuery, headers, body, false).status;
  }

  /**
   * GETs {@code pathAndQuery} from {@code server} and returns the status and the body; throws as
   * {@code post}.
   */
  public Answer get(URI server, String pathAndQuery, Map<String, String> headers)
      throws IOException {
    return exchange("GET", server, pathAndQuery, headers, null, true);
  }

  /**
   * Closes the kept-alive connections this instance holds for any thread (a server waits for idle
   * ones when it stops); a later request opens a new one.
   */
  @Override
  public void close() {
    List<Map<String, Connection>> maps;
    synchronized (byThread) {
      maps = new ArrayList<>(byThread.values());
    }
    for (Map<String, Connection> idle : maps) {
      idle.values()
          .removeIf(
              c -> {
                c.close();
                return true;
              });
    }
  }

  private Answer exchange(
      String method,
      URI server,
      String path,
      Map<String, String> headers,
      byte[] body,
      boolean keepBody)
      throws IOException {
    String key = server.getScheme() + "://" + server.getHost() + ":" + port(server);
    byte[] request = request(method, server, path, headers, body);
    Connection reused = open.get().remove(key);
    if (reused != null && !reused.socket.isClosed()) {
      try {
        return exchange(reused, key, request, keepBody);
      } catch (SocketTimeoutException slow) {
        throw slow; // the request went out: never send it twice
      } catch (IOException stale) {
        // the server had closed the kept-alive connection: try once on a fresh one
      }
    }
    return exchange(connect(server), key, request, keepBody);
  }

  private Answer exchange(Connection c, String key, byte[] request, boolean keepBody)
      throws IOException {
    try {
      c.out.write(request);
      c.out.flush();
      AnswerReader.Read read = AnswerReader.read(c.in, keepBody);
      Answer answer = read.answer();
      if (read.keepAlive()) {
        open.get().put(key, c);
      } else {
        c.close();
      }
      return answer;
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private Connection connect(URI server) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(
          new InetSocketAddress(server.getHost(), port(server)), (int) connectTimeout.toMillis());
      socket.setSoTimeout((int) readTimeout.toMillis());
    } catch (IOException e) {
      socket.close();
      throw new ConnectFailed(
          "cannot connect to " + server.getHost() + ":" + port(server) + ": " + e.getMessage(), e);
    }
    if (!"https".equals(server.getScheme())) {
      return new Connection(socket);
    }
    return new Connection(handshake(socket, server));
  }

  /** TLS over a connected socket, with SNI and the host name checked against the certificate. */
  private SSLSocket handshake(Socket plain, URI server) throws IOException {
    String host =
        server.getHost().startsWith("[")
            ? server.getHost().substring(1, server.getHost().length() - 1)
            : server.getHost();
    SSLSocket secure = null;
    try {
      secure = (SSLSocket) tls.createSocket(plain, host, port(server), true);
      SSLParameters parameters = secure.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      secure.setSSLParameters(parameters);
      secure.startHandshake();
      return secure;
    } catch (SSLException | SocketTimeoutException e) {
      (secure != null ? secure : plain).close();
      throw new ConnectFailed(
          "no TLS connection to " + host + ":" + port(server) + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      (secure != null ? secure : plain).close();
      throw e;
    }
  }

  private static String pathAndQuery(URI target) {
    return (target.getRawPath() == null || target.getRawPath().isEmpty()
            ? "/"
            : target.getRawPath())
        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
  }

  private static byte[] request(
      String method, URI server, String path, Map<String, String> headers, byte[] body) {
    StringBuilder head =
        new StringBuilder(256)
            .append(method)
            .append(' ')
            .append(path)
            .append(" HTTP/1.1\r\n")
            .append("Host: ")
            .append(server.getHost());
    if (server.getPort() != -1) {
      head.append(':').append(server.getPort());
    }
    head.append("\r\n");
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

  private static int port(URI target) {
    return target.getPort() != -1
        ? target.getPort()
        : "https".equals(target.getScheme()) ? 443 : 80;
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
