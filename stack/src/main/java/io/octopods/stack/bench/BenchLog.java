package io.octopods.stack.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Human lines of the run, time-stamped. */
final class BenchLog {
  private BenchLog() {}

  static void say(String line) {
    System.out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + "] " + line);
    System.out.flush();
  }
}
