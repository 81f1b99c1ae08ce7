package io.octopods.simulator.junit;

import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit Jupiter extension behind {@link OctopodsSimulators}: one set of simulators per test
 * class, closed after it; {@link Simulators} and {@link SimulatorClient} are injected. It uses only
 * extension APIs JUnit 5.10 and later and JUnit 6 share.
 */
public final class SimulatorsExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SimulatorsExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Simulators.class || type == SimulatorClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RunningSimulators running = running(context);
    return parameter.getParameter().getType() == SimulatorClient.class
        ? running.client()
        : running.simulators();
  }

  private static RunningSimulators running(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    Class<?> testClass = classContext.getRequiredTestClass();
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(testClass, c -> start(testClass), RunningSimulators.class);
  }

  /**
   * The context of the outermost class annotated (or the test's own class): one set of simulators
   * per class.
   */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private static RunningSimulators start(Class<?> testClass) {
    OctopodsSimulators config = testClass.getAnnotation(OctopodsSimulators.class);
    SimulatorSettings settings =
        SimulatorSettings.forTests(config == null ? "virtual" : config.clock());
    if (config != null) {
      settings =
          settings
              .withTimeScale(config.timeScale())
              .withScenarioFolders(Arrays.stream(config.scenarios()).map(Path::of).toList());
    }
    return new RunningSimulators(Simulators.start(settings));
  }
}
