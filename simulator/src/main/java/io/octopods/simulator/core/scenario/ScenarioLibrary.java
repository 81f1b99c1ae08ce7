package io.octopods.simulator.core.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Reads scenario files: the library shipped on the class path, and folders named at start-up. */
public final class ScenarioLibrary {
  static final String FOLDER = "scenarios/";

  private ScenarioLibrary() {}

  /**
   * Every scenario shipped in {@code scenarios/} beside this class (a folder in a build, or a jar).
   */
  public static List<Scenario> shipped() {
    URL marker = ScenarioLibrary.class.getClassLoader().getResource(FOLDER);
    if (marker == null) {
      return List.of();
    }
    try {
      List<Scenario> scenarios = new ArrayList<>();
      if ("jar".equals(marker.getProtocol())) {
        String jarPath =
            marker.getPath().substring("file:".length(), marker.getPath().indexOf('!'));
        try (JarFile jar =
            new JarFile(java.net.URLDecoder.decode(jarPath, StandardCharsets.UTF_8))) {
          var entries =
              jar.stream()
                  .filter(e -> e.getName().startsWith(FOLDER) && isScenarioFile(e.getName()))
                  .sorted(Comparator.comparing(java.util.zip.ZipEntry::getName))
                  .toList();
          for (var entry : entries) {
            try (InputStream in = jar.getInputStream(entry)) {
              scenarios.add(
                  ScenarioReader.read(
                      new String(in.readAllBytes(), StandardCharsets.UTF_8), entry.getName()));
            }
          }
        }
      } else {
        scenarios.addAll(folder(Path.of(marker.toURI())));
      }
      return scenarios;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every {@code *.yaml}, {@code *.yml} and {@code *.json} file of a folder, in file name order.
   */
  public static List<Scenario> folder(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "scenario folder " + dir + " does not exist or is not a folder");
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> sorted =
          files.filter(p -> isScenarioFile(p.getFileName().toString())).sorted().toList();
      List<Scenario> scenarios = new ArrayList<>();
      for (Path p : sorted) {
        scenarios.add(ScenarioReader.read(Files.readString(p), p.toString()));
      }
      return scenarios;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isScenarioFile(String name) {
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }
}
