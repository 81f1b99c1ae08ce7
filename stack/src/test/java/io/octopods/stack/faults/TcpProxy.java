package io.octopods.stack.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small TCP forwarder on a free loopback port to {@code 127.0.0.1:targetPort}, with a switch:
 * {@link #cut()} closes every connection through it at once (both sides see the socket close) and,
 * until {@link #restore()}, closes each new connection as soon as it is accepted (the client reads
 * end-of-stream before any byte: refused). {@link #silence()} keeps every connection open but
 * forwards nothing either way, and holds new ones the same way (a dropped route or a frozen server:
 * no close, no answer). Counts accepted connections and the bytes clients sent. Threads are
 * daemons; {@link #close()} ends them.
 */
final class TcpProxy implements AutoCloseable {
  private final int targetPort;
  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong bytesUp = new AtomicLong();
  private volatile boolean up = true;
  private volatile boolean silent;
  private volatile boolean closed;

  TcpProxy(int targetPort) {
    this.targetPort = targetPort;
    try {
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "faults-tcp-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  long connections() {
    return connections.get();
  }

  long refused() {
    return refused.get();
  }

  long bytesUp() {
    return bytesUp.get();
  }

  /** Closes every connection through the proxy and refuses new ones until {@link #restore()}. */
  void cut() {
    up = false;
    for (Socket s : open) {
      closeQuietly(s);
    }
  }

  void restore() {
    up = true;
    silent = false;
  }

  /** From now on nothing passes, and nothing is closed, until {@link #restore()}. */
  void silence() {
    silent = true;
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (!up) {
        refused.incrementAndGet();
        closeQuietly(client);
        continue;
      }
      if (silent) { // accepted, then never answered
        open.add(client);
        pump(client, client, true);
        continue;
      }
      Socket upstream;
      try {
        upstream = new Socket(InetAddress.getByName("127.0.0.1"), targetPort);
      } catch (IOException e) {
        closeQuietly(client);
        continue;
      }
      connections.incrementAndGet();
      open.add(client);
      open.add(upstream);
      pump(client, upstream, true);
      pump(upstream, client, false);
    }
  }

  private void pump(Socket from, Socket to, boolean upward) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  if (silent || from == to) {
                    continue; // swallowed: the other side hears nothing
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                  if (upward) {
                    bytesUp.addAndGet(n);
                  }
                }
              } catch (IOException e) {
                // cut, or one side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "faults-tcp-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // already closed
    }
    cut();
  }
}
