package io.octopods.simulator;

import io.octopods.simulator.core.ProviderSimulator;
import io.octopods.simulator.core.SimulatorContext;
import io.octopods.simulator.hubspot.HubSpotSimulator;
import io.octopods.simulator.twilio.TwilioSimulator;
import io.octopods.simulator.viber.ViberSimulator;
import io.octopods.simulator.whatsapp.WhatsAppSimulator;
import java.util.List;
import java.util.function.Function;

/**
 * The one list of simulated providers, in port order (port base + 1, + 2, ...). Adding a provider
 * is a package of its own and one line here.
 */
public final class ProviderRegistry {
  /**
   * One provider: how its simulator is made, and the host name of its real API (what its SDKs
   * call).
   */
  record Entry(Function<SimulatorContext, ProviderSimulator> factory, String apiHost) {}

  static final List<Entry> PROVIDERS =
      List.of(
          new Entry(TwilioSimulator::new, "api.twilio.com"),
          new Entry(WhatsAppSimulator::new, "graph.facebook.com"),
          new Entry(ViberSimulator::new, "chatapi.viber.com"),
          new Entry(HubSpotSimulator::new, "api.hubapi.com"));

  private ProviderRegistry() {}

  public static List<ProviderSimulator> create(SimulatorContext ctx) {
    return PROVIDERS.stream().map(e -> e.factory().apply(ctx)).toList();
  }

  /** The real API host names, in the same order as {@link #create}. */
  public static List<String> apiHosts() {
    return PROVIDERS.stream().map(Entry::apiHost).toList();
  }
}
