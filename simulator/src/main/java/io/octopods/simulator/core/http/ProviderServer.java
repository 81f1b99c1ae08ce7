package io.octopods.simulator.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One WireMock server for one provider: its wire routes and the admin API, on its own port, and
 * with {@link Https} the same routes over TLS on a second port.
 */
public final class ProviderServer implements AutoCloseable {
  /**
   * The second, TLS, port: where it listens and the PKCS#12 key store (key and chain) it presents.
   */
  public record Https(int port, Path keyStore, String password) {}

  private final WireMockServer wireMock;
  private final RouteTransformer transformer = new RouteTransformer();
  private final String host;
  private final Optional<Https> https;

  public ProviderServer(String host, int port) {
    this(host, port, Optional.empty());
  }

  public ProviderServer(String host, int port, Optional<Https> https) {
    this.host = host;
    this.https = https;
    WireMockConfiguration options =
        WireMockConfiguration.options()
            .bindAddress(host)
            .port(port)
            .containerThreads(64)
            .asynchronousResponseEnabled(true)
            .asynchronousResponseThreads(16)
            .maxRequestJournalEntries(2000)
            .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
            .notifier(new ConsoleNotifier(false))
            .extensions(transformer);
    https.ifPresent(
        tls ->
            options
                .httpsPort(tls.port())
                .keystorePath(tls.keyStore().toString())
                .keystoreType("PKCS12")
                .keystorePassword(tls.password())
                .keyManagerPassword(tls.password())
                // HTTP/1.1 as on the plain port: WireMock's faults (a dropped connection) exist
                // only there
                .http2TlsDisabled(true));
    this.wireMock = new WireMockServer(options);
  }

  public void serve(List<Route> routes) {
    routes.forEach(this::serve);
  }

  public void serve(Route route) {
    transformer.add(route);
    String regex = route.path().pattern();
    MappingBuilder mapping =
        "ANY".equals(route.method())
            ? any(urlPathMatching(regex))
            : request(route.method(), urlPathMatching(regex));
    wireMock.stubFor(
        mapping
            .atPriority(route.priority())
            .withName(route.name())
            .willReturn(
                ResponseDefinitionBuilder.responseDefinition()
                    .withTransformers(RouteTransformer.NAME)
                    .withTransformerParameter(RouteTransformer.ROUTE, route.name())));
  }

  /** Starts the server; a port already taken raises {@link PortTaken}. */
  public void start() {
    try {
      wireMock.start();
    } catch (RuntimeException e) {
      int port =
          https
              .map(Https::port)
              .filter(p -> p != 0 && !free(p))
              .orElse(wireMock.getOptions().portNumber());
      throw new PortTaken(port, e);
    }
  }

  private boolean free(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public int port() {
    return wireMock.port();
  }

  public String baseUrl() {
    return "http://" + hostInUrl() + ":" + port();
  }

  /** The TLS port, when there is one. */
  public Optional<Integer> httpsPort() {
    return https.map(tls -> wireMock.httpsPort());
  }

  /** {@code https://host:port}, when there is a TLS port. */
  public Optional<String> httpsBaseUrl() {
    return httpsPort().map(p -> "https://" + hostInUrl() + ":" + p);
  }

  /**
   * Where a local client reaches the plain port (the loopback address when it listens on all of
   * them).
   */
  public InetSocketAddress plainAddress() {
    try {
      InetAddress bound = InetAddress.getByName(host);
      return new InetSocketAddress(
          bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound, port());
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot resolve the simulator's host " + host + ": " + e.getMessage(), e);
    }
  }

  private String hostInUrl() {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /**
   * The underlying WireMock server, for users who add their own stubs or read its request journal.
   */
  public WireMockServer wireMock() {
    return wireMock;
  }

  @Override
  public void close() {
    if (wireMock.isRunning()) {
      wireMock.stop();
    }
  }

  /** A port that could not be bound. */
  public static final class PortTaken extends RuntimeException {
    private final int port;

    PortTaken(int port, Throwable cause) {
      this(port, cause, "choose another --port-base");
    }

    /** {@code remedy} says what to do, e.g. which flag moves the port. */
    public PortTaken(int port, Throwable cause, String remedy) {
      super("port " + port + " is already taken (" + cause.getMessage() + "): " + remedy, cause);
      this.port = port;
    }

    public int port() {
      return port;
    }
  }
}
