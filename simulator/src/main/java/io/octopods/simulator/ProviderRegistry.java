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
 * The one list of simulated providers, in port order (port base + 1, + 2, ...). Adding a provider is a
 * package of its own and one line here.
 */
public final class ProviderRegistry {
  static final List<Function<SimulatorContext, ProviderSimulator>> PROVIDERS = List.of(
      TwilioSimulator::new,
      WhatsAppSimulator::new,
      ViberSimulator::new,
      HubSpotSimulator::new);

  private ProviderRegistry() {}

  public static List<ProviderSimulator> create(SimulatorContext ctx) {
    return PROVIDERS.stream().map(f -> f.apply(ctx)).toList();
  }
}
