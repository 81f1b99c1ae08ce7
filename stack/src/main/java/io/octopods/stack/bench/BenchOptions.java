package io.octopods.stack.bench;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** The bench's command-line options, and what follows from them. */
final class BenchOptions {
  @Option(
      names = "--duration",
      description =
          "seconds of the saturation, steady and convergence phases each (default ${DEFAULT-VALUE})")
  int duration = 30;

  @Option(
      names = "--connections",
      description =
          "concurrent requests at saturation, and JDBC connections of the "
              + "one-report-per-transaction ceiling; the service's pool has 16 (default ${DEFAULT-VALUE})")
  int connections = 16;

  @Option(
      names = "--ceiling-connections",
      description =
          "JDBC connections of the grouped ceiling (default: "
              + "--connections; 4 runs as many group transactions at once as the service does)")
  int ceilingConnections = 0;

  @Option(
      names = "--messages",
      description = "messages stored before the run (default ${DEFAULT-VALUE})")
  int messages = 250_000;

  @Option(
      names = "--warmup",
      description = "seconds of unmeasured warm-up (default ${DEFAULT-VALUE})")
  int warmup = 10;

  @Option(
      names = "--ceiling-seconds",
      description =
          "seconds of each ceiling loop, after at most 3 s not counted (default ${DEFAULT-VALUE})")
  int ceilingSeconds = 20;

  @Option(
      names = "--steady-threads",
      description =
          "open-loop senders of the steady and convergence phases (default: 4 x --connections)")
  int steadyThreads = 0;

  @Option(
      names = "--sample-every",
      description =
          "steady and convergence: one message in N has its first callback "
              + "watched (default ${DEFAULT-VALUE})")
  int sampleEvery = 25;

  @Option(
      names = "--no-contacts",
      description =
          "store messages without contact.email: no HubSpot outbox rows or "
              + "pushes (a diagnostic)")
  boolean noContacts;

  @Option(
      names = "--hubspot-per-10s",
      description =
          "the HubSpot simulator's rate limit, as HubSpot limits an app "
              + "(100 calls per 10 s per account; it answers 429 beyond, and the service's pusher waits); 0 for no limit, "
              + "which lets the pusher compete with the webhooks for these cores (default ${DEFAULT-VALUE})")
  int hubspotPer10s = 100;

  @Option(
      names = "--drain-timeout",
      description =
          "seconds to wait after the steady phase for the HubSpot backlog "
              + "to drain (default ${DEFAULT-VALUE})")
  int drainTimeout = 600;

  @Option(
      names = "--service-java-options",
      description = "JVM options of the service's JVM, space-separated (default: none)")
  String serviceJavaOptions = "";

  @Option(
      names = "--timeout",
      description =
          "seconds after which the run gives up (default: enough for every "
              + "phase, the drain's bound included)")
  int timeout = 0;

  int ceilingConnections() {
    return ceilingConnections > 0 ? ceilingConnections : connections;
  }

  int steadyThreads() {
    return steadyThreads > 0 ? steadyThreads : 4 * connections;
  }

  /**
   * Events per HubSpot batch call: the service's {@code OCTOPODS_HUBSPOT_BATCH_SIZE}, which it is
   * given too.
   */
  int hubspotBatchSize() {
    return Optional.ofNullable(System.getenv("OCTOPODS_HUBSPOT_BATCH_SIZE"))
        .filter(s -> !s.isBlank())
        .map(String::trim)
        .map(Integer::parseInt)
        .orElse(100);
  }

  /** HubSpot events per second the simulator lets through; NaN when it is not limited. */
  double hubspotCapacity() {
    return hubspotPer10s <= 0 ? Double.NaN : hubspotPer10s * (double) hubspotBatchSize() / 10;
  }

  List<String> serviceJavaOptions() {
    return Arrays.stream(serviceJavaOptions.trim().split("\\s+"))
        .filter(s -> !s.isEmpty())
        .toList();
  }

  int effectiveTimeout() {
    return timeout > 0
        ? timeout
        : 300
            + warmup
            + 3 * duration
            + 2 * (ceilingSeconds + 3)
            + drainTimeout
            + Convergence.HUBSPOT_WAIT_SECONDS;
  }

  /** Is the database of this JDBC URL on this machine, where /proc shows PostgreSQL's processes? */
  static boolean databaseLocal(String jdbcUrl) {
    String rest = jdbcUrl.substring("jdbc:postgresql:".length());
    String host = rest.startsWith("//") ? URI.create(rest).getHost() : "localhost";
    return Set.of("localhost", "127.0.0.1", "[::1]", "::1").contains(host)
        && !ProcStat.named("postgres").isEmpty();
  }
}
