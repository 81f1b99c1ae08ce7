package io.octopods.simulator.bench;

import java.time.Duration;
import java.util.List;

/** The benchmark's WhatsApp scenarios, written as the YAML a user would upload. */
final class BenchScenarios {
  private static final List<String> STATUSES = List.of("sent", "delivered", "read");

  private BenchScenarios() {}

  /**
   * {@code perMessage} callbacks, all due {@code at} after the send (separate requests, in step
   * order).
   */
  static String burst(String id, int perMessage, Duration at) {
    StringBuilder y =
        header(id, perMessage + " callbacks per message, all due " + at + " after the send");
    for (int k = 0; k < perMessage; k++) {
      step(y, at, STATUSES.get(k % STATUSES.size()));
    }
    return y.toString();
  }

  /**
   * {@code steps} callbacks, the first due {@code first} after the send, then one every {@code
   * every}.
   */
  static String even(String id, int steps, Duration first, Duration every) {
    StringBuilder y =
        header(id, steps + " callbacks, one every " + every + " from " + first + " after the send");
    for (int k = 0; k < steps; k++) {
      step(y, first.plus(every.multipliedBy(k)), STATUSES.get(k % STATUSES.size()));
    }
    return y.toString();
  }

  private static StringBuilder header(String id, String description) {
    return new StringBuilder(64 * 1024)
        .append("id: ")
        .append(id)
        .append('\n')
        .append("provider: whatsapp\n")
        .append("description: \"benchmark: ")
        .append(description)
        .append("\"\n")
        .append("send:\n  respond: accept\n")
        .append("callbacks:\n");
  }

  private static void step(StringBuilder y, Duration at, String status) {
    // ISO-8601 keeps sub-millisecond offsets (PT1.0005S)
    y.append("  - at: \"").append(at).append("\"\n    status: ").append(status).append('\n');
  }
}
