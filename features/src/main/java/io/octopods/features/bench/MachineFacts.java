package io.octopods.features.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** One line about the machine: cores, Java, CPU model. */
final class MachineFacts {
  private MachineFacts() {}

  static String describe() {
    return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
        + cpuModel().map(m -> ", " + m).orElse("");
  }

  private static Optional<String> cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim().replaceAll("\\s+", " "))
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
