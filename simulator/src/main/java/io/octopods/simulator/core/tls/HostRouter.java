package io.octopods.simulator.core.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * One TLS listener in front of several plain HTTP servers: it ends TLS with a certificate valid for
 * all their public host names, chooses the server by the name the client asked for (SNI, or the
 * {@code Host} header when the client sent no known SNI), and then passes the bytes both ways
 * unchanged. So a client that maps {@code graph.facebook.com} to this address reaches the WhatsApp
 * simulator with no change of URL.
 */
public final class HostRouter implements AutoCloseable {
  private final SSLServerSocket listener;
  private final Map<String, InetSocketAddress> backends;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService workers;

  private HostRouter(SSLServerSocket listener, Map<String, InetSocketAddress> backends) {
    this.listener = listener;
    this.backends = backends;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "octopods-tls-router-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Listens on {@code host:port} (0: a free port) with {@code identity}; {@code backends} maps each
   * host name (lower-case) to the plain HTTP address it is passed to. Throws the bind failure when
   * the port is taken.
   */
  public static HostRouter start(
      String host, int port, ServerIdentity identity, Map<String, InetSocketAddress> backends)
      throws IOException {
    SSLContext context = identity.serverContext();
    SSLServerSocket listener =
        (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
    try {
      listener.setReuseAddress(true);
      listener.bind(new InetSocketAddress(InetAddress.getByName(host), port), 128);
    } catch (IOException e) {
      listener.close();
      throw e;
    }
    HostRouter router =
        new HostRouter(
            listener,
            Map.copyOf(
                backends.entrySet().stream()
                    .collect(
                        Collectors.toMap(
                            e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue))));
    Thread acceptor = new Thread(router::accept, "octopods-tls-router");
    acceptor.setDaemon(true);
    acceptor.start();
    return router;
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** The host names it routes, sorted. */
  public List<String> hostNames() {
    return backends.keySet().stream().sorted().toList();
  }

  Optional<InetSocketAddress> backendFor(String hostName) {
    return Optional.ofNullable(backends.get(RequestHead.hostName(hostName)));
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client = null;
      try {
        client = listener.accept();
        open.add(client);
        workers.execute(new RoutedConnection(client, this, workers, open));
      } catch (IOException | RuntimeException e) {
        if (client != null) {
          open.remove(client);
          RoutedConnection.closeQuietly(client);
        }
        if (listener.isClosed()) {
          return;
        }
        // one failed accept (a client that vanished) does not stop the listener
      }
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    open.forEach(RoutedConnection::closeQuietly);
    workers.shutdownNow();
  }
}
