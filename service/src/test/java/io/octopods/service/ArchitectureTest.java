package io.octopods.service;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.octopods.service.adapters.workers.DaemonThreads;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pure status engine at the centre; adapters around it; providers and surfaces in rooms of their
 * own; SQL only in persistence; threads made in one place.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.octopods.service");

  @Test
  void theDomainImportsNoFrameworkJsonOrSql() {
    noClasses()
        .that()
        .resideInAPackage("io.octopods.service.domain..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("io.octopods.service.domain..", "java.lang..", "java.util..")
        .because("the status engine is a pure function of the current status and one report")
        .check(CLASSES);
  }

  @Test
  void theApplicationLayerKnowsNoAdapter() {
    noClasses()
        .that()
        .resideInAPackage("io.octopods.service.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.octopods.service.adapters..", "io.javalin..", "java.sql..", "com.fasterxml..")
        .check(CLASSES);
  }

  @Test
  void providerRoomsDoNotImportEachOther() {
    List<String> providers = List.of("twilio", "whatsapp", "viber");
    for (String provider : providers) {
      noClasses()
          .that()
          .resideInAPackage("io.octopods.service.adapters.*." + provider + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              providers.stream()
                  .filter(p -> !p.equals(provider))
                  .map(p -> "io.octopods.service.adapters.*." + p + "..")
                  .toArray(String[]::new))
          .check(CLASSES);
    }
  }

  @Test
  void onlyPersistenceTouchesJdbcItsPoolOrTheSchema() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.octopods.service.adapters.persistence..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer.hikari..", "org.flywaydb..")
        .because(
            "SQL, connections and their pool are the persistence adapter's; the rest sees its ports")
        .check(CLASSES);
  }

  @Test
  void surfaceRoomsDoNotImportEachOther() {
    List<String> surfaces = List.of("intercom", "reach", "hubspot");
    for (String surface : surfaces) {
      noClasses()
          .that()
          .resideInAPackage("io.octopods.service.adapters.surfaces." + surface + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              surfaces.stream()
                  .filter(s -> !s.equals(surface))
                  .map(s -> "io.octopods.service.adapters.surfaces." + s + "..")
                  .toArray(String[]::new))
          .because("what surfaces share lives in surfaces.shared and surfaces.canvaskit")
          .check(CLASSES);
    }
  }

  @Test
  void whatSurfacesShareKnowsNoSurface() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.octopods.service.adapters.surfaces.shared..",
            "io.octopods.service.adapters.surfaces.canvaskit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.octopods.service.adapters.surfaces.intercom..",
            "io.octopods.service.adapters.surfaces.reach..",
            "io.octopods.service.adapters.surfaces.hubspot..")
        .check(CLASSES);
  }

  @Test
  void threadsAreMadeOnlyByDaemonThreads() {
    noClasses()
        .that()
        .doNotBelongToAnyOf(DaemonThreads.class)
        .should()
        .callConstructorWhere(target(owner(equivalentTo(Thread.class))))
        .orShould()
        .callMethod(Thread.class, "setDaemon", boolean.class)
        .because("every thread of the service is a named daemon, made in one place")
        .check(CLASSES);
  }
}
