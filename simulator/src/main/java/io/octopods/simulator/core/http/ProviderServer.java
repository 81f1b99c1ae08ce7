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
import java.util.List;

/** One WireMock server for one provider: its wire routes and the admin API, on its own port. */
public final class ProviderServer implements AutoCloseable {
  private final WireMockServer wireMock;
  private final RouteTransformer transformer = new RouteTransformer();
  private final String host;

  public ProviderServer(String host, int port) {
    this.host = host;
    this.wireMock = new WireMockServer(WireMockConfiguration.options()
        .bindAddress(host)
        .port(port)
        .containerThreads(64)
        .asynchronousResponseEnabled(true)
        .asynchronousResponseThreads(16)
        .maxRequestJournalEntries(2000)
        .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
        .notifier(new ConsoleNotifier(false))
        .extensions(transformer));
  }

  public void serve(List<Route> routes) {
    routes.forEach(this::serve);
  }

  public void serve(Route route) {
    transformer.add(route);
    String regex = route.path().pattern();
    MappingBuilder mapping = "ANY".equals(route.method())
        ? any(urlPathMatching(regex))
        : request(route.method(), urlPathMatching(regex));
    wireMock.stubFor(mapping
        .atPriority(route.priority())
        .withName(route.name())
        .willReturn(ResponseDefinitionBuilder.responseDefinition()
            .withTransformers(RouteTransformer.NAME)
            .withTransformerParameter(RouteTransformer.ROUTE, route.name())));
  }

  /** Starts the server; a port already taken raises {@link PortTaken}. */
  public void start() {
    try {
      wireMock.start();
    } catch (RuntimeException e) {
      throw new PortTaken(wireMock.getOptions().portNumber(), e);
    }
  }

  public int port() {
    return wireMock.port();
  }

  public String baseUrl() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  /** The underlying WireMock server, for users who add their own stubs or read its request journal. */
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
      super("port " + port + " is already taken (" + cause.getMessage() + "): choose another --port-base", cause);
      this.port = port;
    }

    public int port() {
      return port;
    }
  }
}
