package io.octopods.simulator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One line about the machine a benchmark ran on, for its report: cores, Java version (with the VM's
 * name where asked) and the CPU model from {@code /proc/cpuinfo} where there is one. Shared by
 * {@code bench-sim} and the service's benchmark ({@code ./octopods bench}).
 */
public final class MachineFacts {
  private MachineFacts() {}

  /** {@code 8 cores, Java 17.0.12, AMD EPYC 7763 64-Core Processor}. */
  public static String describe() {
    return describe(false);
  }

  /** {@code 8 cores, Java 17.0.12 (OpenJDK 64-Bit Server VM), AMD EPYC 7763 64-Core Processor}. */
  public static String describeWithVm() {
    return describe(true);
  }

  private static String describe(boolean vm) {
    return Runtime.getRuntime().availableProcessors()
        + " cores, Java "
        + System.getProperty("java.version")
        + (vm ? " (" + System.getProperty("java.vm.name") + ")" : "")
        + cpuModel().map(m -> ", " + m).orElse("");
  }

  /** The first {@code model name} of {@code /proc/cpuinfo}, spaces squeezed. */
  public static Optional<String> cpuModel() {
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
