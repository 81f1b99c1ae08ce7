package io.octopods.stack.cli;

import io.octopods.stack.bench.ServiceBenchmark;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The launcher's stack side: {@code ./octopods up} and {@code ./octopods bench}. */
@Command(
    name = "octopods",
    mixinStandardHelpOptions = true,
    subcommands = UpCommand.class,
    description = "The Octopods status service and simulators, wired together.")
public final class StackCommand implements Runnable {
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("bench")) {
      ServiceBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    System.exit(new CommandLine(new StackCommand()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
