package io.octopods.simulator.junit;

import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The JUnit 5 extension behind {@link OctopodsSimulators}: one set of simulators per test class, closed after it. */
public final class SimulatorsExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimulatorsExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    simulators(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Simulators.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return simulators(context);
  }

  private static Simulators simulators(ExtensionContext context) {
    ExtensionContext classContext = context.getTestClass().isPresent() && context.getParent().isPresent()
        && context.getTestMethod().isPresent() ? context.getParent().get() : context;
    Class<?> testClass = classContext.getRequiredTestClass();
    return classContext.getStore(NAMESPACE)
        .computeIfAbsent(testClass, c -> start(testClass), Simulators.class);
  }

  private static Simulators start(Class<?> testClass) {
    OctopodsSimulators config = testClass.getAnnotation(OctopodsSimulators.class);
    SimulatorSettings settings = SimulatorSettings.forTests(config == null ? "virtual" : config.clock());
    if (config != null) {
      settings = settings.withTimeScale(config.timeScale())
          .withScenarioFolders(Arrays.stream(config.scenarios()).map(Path::of).toList());
    }
    return Simulators.start(settings);
  }
}
