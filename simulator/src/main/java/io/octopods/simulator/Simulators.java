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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The four simulators of one process: one shared clock, catalog, ledger and journal; one WireMock server each. */
public final class Simulators implements AutoCloseable {
  private final SimulatorContext context;
  private final Map<String, ProviderServer> servers = new LinkedHashMap<>();
  private final Map<String, ProviderSimulator> providers = new LinkedHashMap<>();

  private Simulators(SimulatorContext context) {
    this.context = context;
  }

  /** Starts every provider of the registry; a taken port raises {@link ProviderServer.PortTaken}. */
  public static Simulators start(SimulatorSettings settings) {
    ScenarioClock clock = "virtual".equals(settings.clock())
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
        new CallbackDispatcher(clock, journal, targets, formats::get, settings.callbackTimeout());
    CallbackScheduler scheduler = new CallbackScheduler(clock, dispatcher, settings.callbackLanes());
    SendDesk desk = new SendDesk(clock, catalog, ledger, scheduler);
    Simulators sims = new Simulators(new SimulatorContext(clock, catalog, ledger, journal, targets, scheduler, desk));

    List<ProviderSimulator> all = ProviderRegistry.create(sims.context);
    try {
      for (int i = 0; i < all.size(); i++) {
        ProviderSimulator p = all.get(i);
        p.callbacks().ifPresent(f -> formats.put(p.name(), f));
        ProviderServer server = new ProviderServer(settings.host(), settings.portOf(i));
        sims.servers.put(p.name(), server);
        sims.providers.put(p.name(), p);
        server.serve(p.routes());
        server.serve(AdminApi.routes(p, sims.context, all, server::baseUrl));
        server.start();
      }
    } catch (RuntimeException e) {
      sims.close();
      throw e;
    }
    return sims;
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
      throw new IllegalArgumentException("no simulator named '" + name + "'; there are " + providers.keySet());
    }
    return p;
  }

  public String baseUrl(String provider) {
    return server(provider).baseUrl();
  }

  public ProviderServer server(String provider) {
    ProviderServer s = servers.get(provider);
    if (s == null) {
      throw new IllegalArgumentException("no simulator named '" + provider + "'; there are " + servers.keySet());
    }
    return s;
  }

  @Override
  public void close() {
    context.scheduler().close();
    servers.values().forEach(ProviderServer::close);
  }
}
