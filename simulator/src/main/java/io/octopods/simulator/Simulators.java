package io.octopods.simulator;

import io.octopods.simulator.core.ProviderSimulator;
import io.octopods.simulator.core.SendDesk;
import io.octopods.simulator.core.SimulatorContext;
import io.octopods.simulator.core.admin.AdminApi;
import io.octopods.simulator.core.callbacks.CallbackDispatcher;
import io.octopods.simulator.core.callbacks.CallbackFormat;
import io.octopods.simulator.core.callbacks.CallbackJournal;
import io.octopods.simulator.core.callbacks.CallbackScheduler;
import io.octopods.simulator.core.callbacks.CallbackTargets;
import io.octopods.simulator.core.clock.ScenarioClock;
import io.octopods.simulator.core.http.ProviderServer;
import io.octopods.simulator.core.messages.MessageLedger;
import io.octopods.simulator.core.scenario.Scenario;
import io.octopods.simulator.core.scenario.ScenarioCatalog;
import io.octopods.simulator.core.scenario.ScenarioLibrary;
import io.octopods.simulator.core.tls.CallbackTrust;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/**
 * The four simulators of one process: one shared clock, catalog, ledger and journal; one WireMock
 * server each (with a TLS port beside the plain one, and a host-name router in front of all, when
 * HTTPS is on).
 */
public final class Simulators implements AutoCloseable {
  private final SimulatorContext context;
  private final Map<String, ProviderServer> servers = new LinkedHashMap<>();
  private final Map<String, ProviderSimulator> providers = new LinkedHashMap<>();
  private Optional<SimulatorTls> tls = Optional.empty();

  private Simulators(SimulatorContext context) {
    this.context = context;
  }

  /**
   * Starts every provider of the registry; a taken port raises {@link ProviderServer.PortTaken}.
   */
  public static Simulators start(SimulatorSettings settings) {
    ScenarioClock clock =
        "virtual".equals(settings.clock())
            ? ScenarioClock.virtual()
            : ScenarioClock.real(settings.timeScale());
    List<Scenario> folders = new ArrayList<>();
    for (Path folder : settings.scenarioFolders()) {
      folders.addAll(ScenarioLibrary.folder(folder));
    }
    ScenarioCatalog catalog = new ScenarioCatalog(ScenarioLibrary.shipped(), folders);
    MessageLedger ledger = new MessageLedger();
    CallbackJournal journal = new CallbackJournal();
    CallbackTargets targets = new CallbackTargets();
    Map<String, CallbackFormat> formats = new LinkedHashMap<>();
    CallbackDispatcher dispatcher =
        new CallbackDispatcher(
            clock,
            journal,
            targets,
            formats::get,
            settings.callbackTimeout(),
            callbackTls(settings));
    CallbackScheduler scheduler =
        new CallbackScheduler(clock, dispatcher, settings.callbackLanes());
    SendDesk desk = new SendDesk(clock, catalog, ledger, scheduler);
    Simulators sims =
        new Simulators(
            new SimulatorContext(clock, catalog, ledger, journal, targets, scheduler, desk));

    List<ProviderSimulator> all = ProviderRegistry.create(sims.context);
    try {
      if (settings.tls().enabled()) {
        Map<String, String> apiHosts = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
          apiHosts.put(all.get(i).name(), ProviderRegistry.apiHosts().get(i));
        }
        sims.tls =
            Optional.of(
                SimulatorTls.prepare(
                    settings.dataDir().orElse(SimulatorSettings.DEFAULT_DATA_DIR),
                    settings.host(),
                    apiHosts));
      }
      for (int i = 0; i < all.size(); i++) {
        ProviderSimulator p = all.get(i);
        p.callbacks().ifPresent(f -> formats.put(p.name(), f));
        int httpsPort = settings.httpsPortOf(i);
        ProviderServer server =
            new ProviderServer(
                settings.host(), settings.portOf(i), sims.tls.map(t -> t.https(httpsPort)));
        sims.servers.put(p.name(), server);
        sims.providers.put(p.name(), p);
        server.serve(p.routes());
        server.serve(AdminApi.routes(p, sims.context, all, server::baseUrl, server::httpsBaseUrl));
        server.start();
      }
      if (sims.tls.isPresent()) {
        Map<String, InetSocketAddress> plain = new LinkedHashMap<>();
        sims.servers.forEach((name, server) -> plain.put(name, server.plainAddress()));
        sims.tls.get().route(settings.host(), settings.routerPort(), plain);
      }
    } catch (RuntimeException e) {
      sims.close();
      throw e;
    }
    return sims;
  }

  /** The JDK's TLS trust, plus the {@code --trust} files when there are some. */
  private static SSLSocketFactory callbackTls(SimulatorSettings settings) {
    return settings.tls().trust().isEmpty()
        ? (SSLSocketFactory) SSLSocketFactory.getDefault()
        : CallbackTrust.trusting(settings.tls().trust()).getSocketFactory();
  }

  public SimulatorContext context() {
    return context;
  }

  /** Provider names in port order. */
  public List<String> providers() {
    return List.copyOf(providers.keySet());
  }

  public ProviderSimulator provider(String name) {
    ProviderSimulator p = providers.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "no simulator named '" + name + "'; there are " + providers.keySet());
    }
    return p;
  }

  /** A typed client of these simulators' admin API. */
  public SimulatorClient client() {
    return SimulatorClient.of(this);
  }

  public String baseUrl(String provider) {
    return server(provider).baseUrl();
  }

  /** The provider's {@code https://host:port}, when HTTPS is on. */
  public Optional<String> httpsBaseUrl(String provider) {
    return server(provider).httpsBaseUrl();
  }

  /** The HTTPS listeners and the CA, when HTTPS is on. */
  public Optional<SimulatorTls> tls() {
    return tls;
  }

  public ProviderServer server(String provider) {
    ProviderServer s = servers.get(provider);
    if (s == null) {
      throw new IllegalArgumentException(
          "no simulator named '" + provider + "'; there are " + servers.keySet());
    }
    return s;
  }

  @Override
  public void close() {
    context.scheduler().close();
    servers.values().forEach(ProviderServer::close);
    tls.ifPresent(SimulatorTls::close);
  }
}
