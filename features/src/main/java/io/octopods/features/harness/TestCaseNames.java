package io.octopods.features.harness;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The names the reports give a scenario or property: its suite (the feature file relative to its
 * features root, e.g. {@code whatsapp/out-of-order.feature}, or the property's class) and its own
 * name (the scenario as the feature file names it, or the property's method).
 */
final class TestCaseNames {
  /** The folder of the feature files packaged with the harness. */
  static final String PACKAGED_FEATURES = "features/";

  private final List<Path> featureRoots;

  TestCaseNames(List<Path> featureRoots) {
    this.featureRoots = featureRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  /** The {@code --features} folders of this run, from {@link LedgerListener#FEATURE_ROOTS}. */
  static TestCaseNames ofThisRun() {
    List<Path> roots = new ArrayList<>();
    String joined = System.getProperty(LedgerListener.FEATURE_ROOTS, "");
    for (String root : joined.split(File.pathSeparator)) {
      if (!root.isBlank()) {
        roots.add(Path.of(root));
      }
    }
    return new TestCaseNames(roots);
  }

  String suite(TestIdentifier id, TestPlan plan) {
    Optional<TestSource> source = id.getSource();
    if (source.isPresent() && source.get() instanceof ClasspathResourceSource resource) {
      String name = resource.getClasspathResourceName();
      return name.startsWith(PACKAGED_FEATURES) ? name.substring(PACKAGED_FEATURES.length()) : name;
    }
    if (source.isPresent() && source.get() instanceof FileSource file) {
      Path path = file.getFile().toPath().toAbsolutePath().normalize();
      for (Path root : featureRoots) {
        if (path.startsWith(root)) {
          return root.relativize(path).toString().replace(File.separatorChar, '/');
        }
      }
      return path.getFileName().toString();
    }
    if (source.isPresent() && source.get() instanceof MethodSource method) {
      return method.getClassName();
    }
    return parent(id, plan).map(TestIdentifier::getDisplayName).orElse("octopods");
  }

  /**
   * A scenario's own name: Cucumber's long names put the names of the feature (and of the outline
   * and its examples) before it, which the suite already says.
   */
  String name(TestIdentifier id, TestPlan plan) {
    String display = id.getDisplayName();
    Optional<String> prefix = parent(id, plan).map(p -> p.getDisplayName() + " - ");
    if (prefix.isPresent() && display.startsWith(prefix.get())) {
      return display.substring(prefix.get().length());
    }
    return display;
  }

  private static Optional<TestIdentifier> parent(TestIdentifier id, TestPlan plan) {
    return plan == null ? Optional.empty() : plan.getParent(id);
  }
}
