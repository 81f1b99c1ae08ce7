package io.octopods.simulator.junit;

import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.Simulators;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The simulators of one test class in JUnit's store, which closes them when the class is done:
 * JUnit 5 closes a {@code CloseableResource}, JUnit 6 an {@code AutoCloseable} (once, and without
 * its warning about the former).
 */
record RunningSimulators(Simulators simulators, SimulatorClient client)
    implements ExtensionContext.Store.CloseableResource, AutoCloseable {
  RunningSimulators(Simulators simulators) {
    this(simulators, SimulatorClient.of(simulators));
  }

  @Override
  public void close() {
    simulators.close();
  }
}
