package io.octopods.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One room per provider: the shared core never names a provider, and providers never import each
 * other.
 */
class ArchitectureTest {
  private static final List<String> PROVIDERS = List.of("twilio", "whatsapp", "viber", "hubspot");
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.octopods.simulator");

  @Test
  void theCoreImportsNoProvider() {
    noClasses()
        .that()
        .resideInAPackage("io.octopods.simulator.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            PROVIDERS.stream().map(p -> "io.octopods.simulator." + p + "..").toArray(String[]::new))
        .because("the registry lists the providers; the core must work for any of them")
        .check(CLASSES);
  }

  @Test
  void providersDoNotImportEachOther() {
    for (String provider : PROVIDERS) {
      noClasses()
          .that()
          .resideInAPackage("io.octopods.simulator." + provider + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              PROVIDERS.stream()
                  .filter(p -> !p.equals(provider))
                  .map(p -> "io.octopods.simulator." + p + "..")
                  .toArray(String[]::new))
          .because("each provider is a room of its own")
          .check(CLASSES);
    }
  }
}
