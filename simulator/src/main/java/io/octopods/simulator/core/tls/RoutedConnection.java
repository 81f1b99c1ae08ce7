package io.octopods.simulator.core.tls;

import io.octopods.simulator.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSocket;

/**
 * One client connection of the {@link HostRouter}: the TLS handshake, the choice of server (SNI
 * first, then the first request's {@code Host}), then a byte pipe each way until either side
 * closes. All requests of a connection go to the server chosen for its first.
 */
final class RoutedConnection implements Runnable {
  private static final int HANDSHAKE_TIMEOUT_MS = 10_000;
  private static final int HEAD_TIMEOUT_MS = 30_000;
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private final SSLSocket client;
  private final HostRouter router;
  private final ExecutorService workers;
  private final Set<Socket> open;

  RoutedConnection(Socket client, HostRouter router, ExecutorService workers, Set<Socket> open) {
    this.client = (SSLSocket) client;
    this.router = router;
    this.workers = workers;
    this.open = open;
  }

  @Override
  public void run() {
    Socket backend = null;
    try {
      client.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
      client.startHandshake();
      Optional<String> sni = sniOf(client);
      Optional<InetSocketAddress> target = sni.flatMap(router::backendFor);
      byte[] already = new byte[0];
      if (target.isEmpty()) {
        client.setSoTimeout(HEAD_TIMEOUT_MS);
        RequestHead head = RequestHead.read(client.getInputStream());
        if (head.empty()) {
          closeBoth(null);
          return;
        }
        already = head.bytes();
        target = head.host().flatMap(router::backendFor);
        if (target.isEmpty()) {
          String named = sni.or(head::host).map(n -> "'" + n + "'").orElse("no host");
          answer(
              421,
              "Misdirected Request",
              "Unknown host",
              "this TLS listener routes "
                  + router.hostNames()
                  + " by SNI or Host header; this request named "
                  + named
                  + ". Map one of those names to this address (e.g. in /etc/hosts) and call it by that name, or call a"
                  + " provider's own HTTPS port");
          return;
        }
      }
      client.setSoTimeout(0);
      backend = new Socket();
      open.add(backend);
      backend.setTcpNoDelay(true);
      try {
        backend.connect(target.get(), CONNECT_TIMEOUT_MS);
      } catch (IOException e) {
        answer(
            502,
            "Bad Gateway",
            "Simulator unreachable",
            "the simulator behind this TLS listener at "
                + target.get()
                + " did not accept a connection ("
                + e.getMessage()
                + "); restart the simulators");
        return;
      }
      OutputStream toBackend = backend.getOutputStream();
      toBackend.write(already);
      toBackend.flush();
      Socket server = backend;
      workers.execute(
          () -> {
            pump(server, client);
            closeBoth(server);
          });
      pump(client, server);
      if (!server.isClosed()) {
        server.shutdownOutput(); // the client is done; the answer may still be on its way
      }
    } catch (IOException | RuntimeException e) {
      closeBoth(backend); // a failed handshake, or a side that went away
    }
  }

  private static Optional<String> sniOf(SSLSocket socket) {
    if (socket.getSession() instanceof ExtendedSSLSession session) {
      for (SNIServerName name : session.getRequestedServerNames()) {
        if (name instanceof SNIHostName host) {
          return Optional.of(host.getAsciiName());
        }
      }
    }
    return Optional.empty();
  }

  /** Copies until the end of {@code from}'s stream or a failure on either side. */
  private static void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed or broke: the caller closes the rest
    }
  }

  private void answer(int status, String reason, String title, String detail) throws IOException {
    byte[] body =
        Json.write(
                Json.object()
                    .put(
                        "type",
                        "https://octopods.io/problems/"
                            + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'))
                    .put("title", title)
                    .put("status", status)
                    .put("detail", detail))
            .getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\nContent-Type: application/problem+json\r\n"
            + "Content-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    OutputStream out = client.getOutputStream();
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
    closeBoth(null);
  }

  private void closeBoth(Socket backend) {
    closeQuietly(client);
    open.remove(client);
    if (backend != null) {
      closeQuietly(backend);
      open.remove(backend);
    }
  }

  static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }
}
