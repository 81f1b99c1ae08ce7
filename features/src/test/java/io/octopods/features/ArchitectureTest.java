package io.octopods.features;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The harness drives the stack from outside: through the contracts, the simulators' public face
 * (the root package: {@code Simulators}, {@code SimulatorClient}; and {@code capture}: the capture
 * format, the recording proxy and the scenarios derived from captures) and the stack's wiring,
 * never through the service's or the simulators' insides, so that {@code ./octopods check} holds
 * any deployed service to the same rules.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter().importPackages("io.octopods.features");

  @Test
  void theHarnessUsesOnlyTheContractsTheSimulatorsPublicFaceAndTheStack() {
    noClasses()
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "a class of the project outside io.octopods.contracts.., the root package"
                    + " io.octopods.simulator, io.octopods.simulator.capture and"
                    + " io.octopods.stack..",
                c -> {
                  String pkg = c.getPackageName();
                  return pkg.startsWith("io.octopods.")
                      && !pkg.startsWith("io.octopods.features")
                      && !pkg.startsWith("io.octopods.contracts")
                      && !pkg.equals("io.octopods.simulator")
                      && !pkg.equals("io.octopods.simulator.capture")
                      && !pkg.startsWith("io.octopods.stack");
                }))
        .because(
            "the gate checks any service by its interfaces; its insides are the service's business")
        .check(CLASSES);
  }

  @Test
  void stepsAndHarnessSpeakRestAssuredNotTheJdksHttpClient() {
    noClasses()
        .that()
        .resideInAnyPackage("io.octopods.features.steps..", "io.octopods.features.harness..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("java.net.http..")
        .because(
            "every exchange goes through the wire's REST Assured filters: contract check, report")
        .check(CLASSES);
  }
}
