package io.octopods.simulator.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.ProviderSimulator;
import io.octopods.simulator.core.SimulatorContext;
import io.octopods.simulator.core.http.Route;
import java.util.List;

/** Placeholder until the HubSpot room is built. */
public final class HubSpotSimulator implements ProviderSimulator {
  public HubSpotSimulator(SimulatorContext ctx) {}

  @Override
  public String name() {
    return "hubspot";
  }

  @Override
  public List<Route> routes() {
    return List.of();
  }

  @Override
  public ObjectNode credentials() {
    return Json.object();
  }

  @Override
  public String signingSecret() {
    return null;
  }
}
