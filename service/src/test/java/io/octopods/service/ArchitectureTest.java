package io.octopods.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pure status engine at the centre; adapters around it; providers in rooms of their own. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.octopods.service");

  @Test
  void theDomainImportsNoFrameworkJsonOrSql() {
    noClasses().that().resideInAPackage("io.octopods.service.domain..")
        .should().dependOnClassesThat().resideOutsideOfPackages("io.octopods.service.domain..", "java.lang..", "java.util..")
        .because("the status engine is a pure function of the current status and one report")
        .check(CLASSES);
  }

  @Test
  void theApplicationLayerKnowsNoAdapter() {
    noClasses().that().resideInAPackage("io.octopods.service.application..")
        .should().dependOnClassesThat().resideInAnyPackage("io.octopods.service.adapters..", "io.javalin..",
            "java.sql..", "com.fasterxml..")
        .check(CLASSES);
  }

  @Test
  void providerRoomsDoNotImportEachOther() {
    List<String> providers = List.of("twilio", "whatsapp", "viber");
    for (String provider : providers) {
      noClasses().that().resideInAPackage("io.octopods.service.adapters.*." + provider + "..")
          .should().dependOnClassesThat().resideInAnyPackage(providers.stream().filter(p -> !p.equals(provider))
              .map(p -> "io.octopods.service.adapters.*." + p + "..").toArray(String[]::new))
          .check(CLASSES);
    }
  }
}
