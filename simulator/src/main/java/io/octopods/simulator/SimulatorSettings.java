package io.octopods.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a simulator process runs.
 *
 * @param portBase the providers listen on portBase+1 (Twilio), +2 (WhatsApp), +3 (Viber), +4 (HubSpot);
 *     0 means free ports
 * @param clock {@code real} or {@code virtual}
 * @param timeScale wall time per unit of scenario time on the real clock (0.01 plays 30 s in 300 ms)
 * @param scenarioFolders more scenarios, loaded at start-up in file name order
 * @param callbackTimeout how long one callback request may take before it counts as a time-out
 * @param callbackLanes how many callbacks are delivered at once on the real clock (one message's keep their order)
 */
public record SimulatorSettings(
    String host,
    int portBase,
    String clock,
    double timeScale,
    List<Path> scenarioFolders,
    Duration callbackTimeout,
    int callbackLanes,
    Optional<Path> dataDir) {

  public static final int DEFAULT_PORT_BASE = 8080;

  public SimulatorSettings {
    if (!"real".equals(clock) && !"virtual".equals(clock)) {
      throw new IllegalArgumentException("--clock must be 'real' or 'virtual', was '" + clock + "'");
    }
    scenarioFolders = List.copyOf(scenarioFolders);
  }

  /** Free ports on 127.0.0.1 with the given clock: what tests use. */
  public static SimulatorSettings forTests(String clock) {
    return new SimulatorSettings("127.0.0.1", 0, clock, 1.0, List.of(), Duration.ofSeconds(10), 8, Optional.empty());
  }

  public SimulatorSettings withScenarioFolders(List<Path> folders) {
    return new SimulatorSettings(host, portBase, clock, timeScale, folders, callbackTimeout, callbackLanes, dataDir);
  }

  public SimulatorSettings withTimeScale(double scale) {
    return new SimulatorSettings(host, portBase, clock, scale, scenarioFolders, callbackTimeout, callbackLanes, dataDir);
  }

  int portOf(int providerIndex) {
    return portBase == 0 ? 0 : portBase + providerIndex + 1;
  }
}
