package io.octopods.features.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The launcher's harness side: {@code ./octopods check}, {@code record}, {@code scenario} and
 * {@code replay}.
 */
@Command(
    name = "octopods",
    mixinStandardHelpOptions = true,
    subcommands = {
      CheckCommand.class,
      RecordCommand.class,
      ScenarioCommand.class,
      ReplayCommand.class
    },
    description = "The Octopods delivery-status harness.")
public final class OctopodsCommand implements Runnable {
  public static void main(String[] args) {
    System.exit(new CommandLine(new OctopodsCommand()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
