package io.octopods.stack.bench;

import static io.octopods.stack.bench.BenchLog.say;

import io.octopods.service.config.ServiceSettings;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.bench.MachineFacts;
import io.octopods.stack.ServiceProcess;
import io.octopods.stack.Stack;
import io.octopods.stack.StackProfile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ./octopods bench}: the status service's webhook path under load on PostgreSQL (a fresh
 * schema of its own, dropped at the end). The service runs in a JVM of its own; the load driver and
 * the simulators run in this one. Messages are stored through the service's own store with known
 * provider ids; signed Twilio, WhatsApp and Viber callbacks (reorders, duplicates, batches) are
 * posted over kept-alive HTTP/1.1. Phases ({@link BenchRun}): warm-up, saturation, steady at 80 %
 * with the tail probe, HubSpot drain, the ceiling replaying saturation's groups, convergence across
 * the surfaces, and the lost-report check.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Load benchmark of the status service's webhooks on PostgreSQL (OCTOPODS_DB_URL or the local one).")
public final class ServiceBenchmark implements Callable<Integer> {
  static final String DEFAULT_DB = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
  private static final int DROP_WITHIN_SECONDS = 10;
  private static final Duration READY_WITHIN = Duration.ofSeconds(90);

  @Mixin BenchOptions options = new BenchOptions();

  public static void main(String[] args) {
    int code;
    try {
      code = new CommandLine(new ServiceBenchmark()).execute(args);
    } catch (
        Throwable
            t) { // even when reporting the failure failed: the exit must not wait for the watchdog
      t.printStackTrace();
      code = 2;
    }
    System.exit(code);
  }

  @Override
  public Integer call() throws Exception {
    long began = System.nanoTime();
    AtomicReference<ServiceProcess> running = new AtomicReference<>();
    AtomicReference<BenchStore> schema = new AtomicReference<>();
    watchdog(running, schema);
    String database =
        Optional.ofNullable(System.getenv("OCTOPODS_DB_URL"))
            .filter(s -> !s.isBlank())
            .orElse(DEFAULT_DB);
    if (!database.startsWith("jdbc:postgresql:")) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "OCTOPODS_DB_URL must be a PostgreSQL URL");
    }
    say(
        "octopods bench: "
            + MachineFacts.describe()
            + "; database "
            + database.replaceAll("password=[^&]*", "password=***")
            + "; gives up after "
            + options.effectiveTimeout()
            + " s");
    BenchStore store = BenchStore.fresh(database);
    schema.set(store);
    say("schema " + store.schema + " (dropped at the end)");
    Path dataDir = Files.createTempDirectory("octopods-bench");
    Simulators sims =
        Simulators.start(
            new SimulatorSettings(
                "127.0.0.1",
                0,
                "real",
                1.0,
                List.of(),
                Duration.ofSeconds(10),
                8,
                Optional.empty()));
    Summary summary = new Summary();
    try {
      HubSpotLimit.apply(sims.client(), options);
      HubSpotEvents hubspot = HubSpotEvents.listenTo(sims.server("hubspot"));
      String apiKey = "bench-" + UUID.randomUUID();
      Map<String, String> env =
          Stack.serviceSettings(
              StackProfile.BENCH,
              sims,
              Map.of("OCTOPODS_DB_URL", store.url, "OCTOPODS_API_KEYS", "bench:" + apiKey));
      Map<String, String> flags =
          Map.of(
              "--port",
              String.valueOf(freePort()),
              "--host",
              "127.0.0.1",
              "--data-dir",
              dataDir.toString());
      ServiceSettings settings =
          ServiceSettings.read(flags, k -> env.containsKey(k) ? env.get(k) : System.getenv(k));
      Path gcLog = dataDir.resolve("service-gc.log");
      List<String> jvmOptions = new ArrayList<>(options.serviceJavaOptions());
      jvmOptions.add(GcLog.option(gcLog));
      ServiceProcess service =
          ServiceProcess.start(
              flags, env, jvmOptions, dataDir.resolve("service.log"), READY_WITHIN);
      running.set(service);
      try {
        say(
            "service on "
                + service.baseUrl()
                + " in a JVM of its own (pid "
                + service.pid()
                + ", GC log "
                + gcLog
                + "); HubSpot pushes go to the simulator in this JVM");
        boolean local = BenchOptions.databaseLocal(database);
        summary =
            new BenchRun(
                    options,
                    store,
                    service,
                    gcLog,
                    settings,
                    apiKey,
                    hubspot,
                    new CpuMeter(service.pid(), local),
                    local)
                .run();
      } finally {
        long closing = System.nanoTime();
        long warnings = service.warnings();
        Optional<Integer> exit = service.stop();
        running.set(null);
        say(
            String.format(
                Locale.ROOT,
                "service stopped in %.1f s (%s); its output had %d warning or error lines%s",
                (System.nanoTime() - closing) / 1e9,
                exit.map(c -> "exit code " + c).orElse("killed"),
                warnings,
                warnings > 0 ? "; the last lines:\n" + service.tail(10) : ""));
      }
    } finally {
      sims.close();
      schema.set(null);
      store.drop();
      deleteTree(dataDir);
    }
    say(String.format(Locale.ROOT, "done in %.1f s", (System.nanoTime() - began) / 1e9));
    System.out.println();
    summary.lines().forEach(System.out::println);
    System.out.flush();
    return summary.nothingLost() ? 0 : 1;
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException | RuntimeException e) {
      say("could not delete " + dir + ": " + e.getMessage());
    }
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  /**
   * Ends the run after {@link BenchOptions#effectiveTimeout()} s: the service's JVM first (it must
   * not outlive us), then the schema is dropped (given {@value #DROP_WITHIN_SECONDS} s, so a stuck
   * database cannot hold the exit).
   */
  private void watchdog(
      AtomicReference<ServiceProcess> running, AtomicReference<BenchStore> schema) {
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(options.effectiveTimeout() * 1000L);
              } catch (InterruptedException e) {
                return;
              }
              System.out.println(
                  "bench: gave up after " + options.effectiveTimeout() + " s (--timeout)");
              System.out.flush();
              Optional.ofNullable(running.get()).ifPresent(ServiceProcess::kill);
              Optional.ofNullable(schema.get())
                  .ifPresent(
                      store -> {
                        Thread drop = new Thread(store::drop, "bench-drop-schema");
                        drop.setDaemon(true);
                        drop.start();
                        try {
                          drop.join(DROP_WITHIN_SECONDS * 1000L);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      });
              Runtime.getRuntime().halt(3);
            },
            "bench-watchdog");
    t.setDaemon(true);
    t.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> Optional.ofNullable(running.get()).ifPresent(ServiceProcess::kill),
                "bench-stop-service"));
  }
}
