package io.octopods.simulator;

import io.octopods.simulator.core.http.ProviderServer;
import io.octopods.simulator.core.tls.CaFiles;
import io.octopods.simulator.core.tls.HostRouter;
import io.octopods.simulator.core.tls.ServerIdentity;
import io.octopods.simulator.core.tls.ServerNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTPS side of one simulator process: the CA kept in the data directory, one server
 * certificate it signs for every provider's real API host name plus {@code localhost} and the
 * loopback addresses, each provider's TLS port, and the router that serves all host names on one
 * port.
 */
public final class SimulatorTls implements AutoCloseable {
  private final CaFiles.KeptCa ca;
  private final Path keyStore;
  private final ServerIdentity identity;
  private final Map<String, String> apiHosts;
  private HostRouter router;

  private SimulatorTls(
      CaFiles.KeptCa ca, Path keyStore, ServerIdentity identity, Map<String, String> apiHosts) {
    this.ca = ca;
    this.keyStore = keyStore;
    this.identity = identity;
    this.apiHosts = apiHosts;
  }

  /**
   * Reads or makes the CA in {@code caDir} and issues the server certificate; {@code apiHosts} by
   * provider.
   */
  static SimulatorTls prepare(Path caDir, String listenHost, Map<String, String> apiHosts) {
    CaFiles.KeptCa ca = CaFiles.loadOrCreate(caDir);
    List<String> names = new ArrayList<>(apiHosts.values());
    names.addAll(List.of("localhost", "127.0.0.1", "::1"));
    if (!anyLocal(listenHost)) {
      names.add(listenHost);
    }
    ServerIdentity identity = ca.authority().issue(ServerNames.of(names));
    try {
      Path file = Files.createTempFile("octopods-sim-tls", ".p12");
      if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      identity.writeKeyStore(file, CaFiles.PASSWORD);
      return new SimulatorTls(ca, file, identity, Map.copyOf(apiHosts));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the simulators' server key store: " + e.getMessage(), e);
    }
  }

  ProviderServer.Https https(int port) {
    return new ProviderServer.Https(port, keyStore, CaFiles.PASSWORD);
  }

  /** Starts the host-name router on {@code host:port} in front of the providers' plain ports. */
  void route(String host, int port, Map<String, InetSocketAddress> plainByProvider) {
    Map<String, InetSocketAddress> backends = new LinkedHashMap<>();
    plainByProvider.forEach((provider, address) -> backends.put(apiHosts.get(provider), address));
    try {
      router = HostRouter.start(host, port, identity, backends);
    } catch (IOException e) {
      throw new ProviderServer.PortTaken(
          port,
          e,
          "choose another --tls-port (or another --port-base, which puts it on base + 10)");
    }
  }

  public int routerPort() {
    return router.port();
  }

  /** The real API host name of {@code provider} ({@code graph.facebook.com} for WhatsApp). */
  public String apiHost(String provider) {
    return apiHosts.get(provider);
  }

  /**
   * The provider's real base URL served by the router: {@code https://graph.facebook.com:8090} (no
   * port on 443).
   */
  public String routedUrl(String provider) {
    return "https://" + apiHost(provider) + (routerPort() == 443 ? "" : ":" + routerPort());
  }

  public Path caPem() {
    return ca.pem();
  }

  public Path caP12() {
    return ca.p12();
  }

  /**
   * Whether this start made the CA (a team must trust it anew) rather than reading the kept one.
   */
  public boolean caCreated() {
    return ca.created();
  }

  @Override
  public void close() {
    if (router != null) {
      router.close();
    }
    try {
      Files.deleteIfExists(keyStore);
    } catch (IOException ignored) {
      // a temporary file; the system cleans it up later
    }
  }

  private static boolean anyLocal(String host) {
    try {
      return InetAddress.getByName(host).isAnyLocalAddress();
    } catch (IOException e) {
      return false;
    }
  }
}
