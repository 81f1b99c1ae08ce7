package io.octopods.features.bench;

import static io.octopods.features.bench.BenchLog.say;

import io.octopods.service.OctopodsService;
import io.octopods.service.config.ServiceSettings;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.bench.MachineFacts;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./octopods bench}: the status service's webhook path under load, in-process, on PostgreSQL (a fresh schema
 * of its own, dropped at the end). Messages are stored through the service's own store with known provider ids;
 * signed Twilio, WhatsApp and Viber callbacks (reorders, duplicates, batches) are posted over kept-alive HTTP/1.1.
 * Phases: the machine's ceiling (a JDBC loop doing our per-report writes), warm-up, saturation (closed loop, the
 * peak), steady at 80 % of the peak (open loop), visibility on the API, and the lost-report check.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Load benchmark of the status service's webhooks on PostgreSQL (OCTOPODS_DB_URL or the local one).")
public final class ServiceBenchmark implements Callable<Integer> {
  static final String DEFAULT_DB = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  @Option(names = "--duration", description = "seconds of the saturation and of the steady phase each (default ${DEFAULT-VALUE})")
  int duration = 30;

  @Option(names = "--connections", description = "concurrent requests at saturation, and JDBC connections of the ceiling; the service's pool has 16 (default ${DEFAULT-VALUE})")
  int connections = 16;

  @Option(names = "--messages", description = "messages stored before the run (default ${DEFAULT-VALUE})")
  int messages = 250_000;

  @Option(names = "--warmup", description = "seconds of unmeasured warm-up (default ${DEFAULT-VALUE})")
  int warmup = 10;

  @Option(names = "--ceiling-seconds", description = "seconds of the ceiling loop, after 3 s not counted (default ${DEFAULT-VALUE})")
  int ceilingSeconds = 20;

  @Option(names = "--steady-threads", description = "open-loop senders at 80 %% (default: 4 x --connections)")
  int steadyThreads = 0;

  @Option(names = "--sample-every", description = "steady: one message in N has its first callback watched on the API (default ${DEFAULT-VALUE})")
  int sampleEvery = 25;

  @Option(names = "--no-contacts", description = "store messages without contact.email: no HubSpot outbox rows or pushes (a diagnostic; our path then skips the outbox insert the ceiling does)")
  boolean noContacts;

  @Option(names = "--hubspot-per-10s", description = "the HubSpot simulator's rate limit, as HubSpot limits an app "
      + "(100 calls per 10 s per account; it answers 429 beyond, and the service's pusher waits); 0 for no limit, "
      + "which lets the pusher compete with the webhooks for these cores (default ${DEFAULT-VALUE})")
  int hubspotPer10s = 100;

  @Option(names = "--timeout", description = "seconds after which the run gives up (default ${DEFAULT-VALUE})")
  int timeout = 590;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ServiceBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    long began = System.nanoTime();
    watchdog();
    String db = Optional.ofNullable(System.getenv("OCTOPODS_DB_URL")).filter(s -> !s.isBlank()).orElse(DEFAULT_DB);
    if (!db.startsWith("jdbc:postgresql:")) {
      throw new CommandLine.ParameterException(new CommandLine(this), "OCTOPODS_DB_URL must be a PostgreSQL URL");
    }
    say("octopods bench: " + MachineFacts.describe() + "; database " + db.replaceAll("password=[^&]*", "password=***"));
    BenchStore store = BenchStore.fresh(db);
    say("schema " + store.schema + " (dropped at the end)");
    Path dataDir = Files.createTempDirectory("octopods-bench");
    Simulators sims = Simulators.start(new SimulatorSettings("127.0.0.1", 0, "real", 1.0, List.of(),
        Duration.ofSeconds(10), 8, Optional.empty()));
    Map<String, String> summary = new LinkedHashMap<>();
    try {
      limitHubSpot(sims.baseUrl("hubspot"));
      String apiKey = "bench-" + UUID.randomUUID();
      Map<String, String> env = new HashMap<>();
      env.put("OCTOPODS_DB_URL", store.url);
      env.put("OCTOPODS_API_KEYS", "bench:" + apiKey);
      env.put("OCTOPODS_RATE_LIMIT", "0");
      for (String p : List.of("twilio", "whatsapp", "viber", "hubspot")) {
        env.put("OCTOPODS_" + p.toUpperCase(Locale.ROOT) + "_BASE_URL", sims.baseUrl(p));
      }
      Map<String, String> flags = Map.of("--port", String.valueOf(freePort()), "--host", "127.0.0.1",
          "--data-dir", dataDir.toString());
      ServiceSettings settings = ServiceSettings.read(flags, k -> env.containsKey(k) ? env.get(k) : System.getenv(k));
      OctopodsService service = OctopodsService.start(settings);
      try {
        say("service on " + service.baseUrl() + " (in-process; HubSpot pushes go to the in-process simulator)");
        run(store, settings, service, apiKey, summary);
      } finally {
        long closing = System.nanoTime();
        service.close();
        say(String.format(Locale.ROOT, "service stopped in %.1f s", (System.nanoTime() - closing) / 1e9));
      }
    } finally {
      sims.close();
      store.drop();
      deleteTree(dataDir);
    }
    say(String.format(Locale.ROOT, "done in %.1f s", (System.nanoTime() - began) / 1e9));
    System.out.println();
    summary.forEach((k, v) -> System.out.println(k + ": " + v));
    System.out.flush();
    return "0".equals(summary.get("lost")) ? 0 : 1;
  }

  private void run(BenchStore store, ServiceSettings settings, OctopodsService service, String apiKey,
      Map<String, String> summary) throws Exception {
    Random random = new Random(42);
    List<BenchMessage> all = new ArrayList<>(messages);
    for (int i = 0; i < messages; i++) {
      all.add(BenchMessage.make(i, random));
    }
    long t = System.nanoTime();
    store.insert(all, "bench", !noContacts);
    say(String.format(Locale.ROOT, "stored %d messages (sms, whatsapp, viber; UNKNOWN, provider id known, %s) "
        + "through the service's JdbcMessageStore in %.1f s", messages,
        noContacts ? "no contact.email" : "with contact.email, so each public change queues a HubSpot push",
        (System.nanoTime() - t) / 1e9));

    CeilingLoop ceiling = new CeilingLoop(store);
    ceiling.prepare();
    double ceilingRate = ceiling.measure(connections, 3, ceilingSeconds);

    CallbackMix mix = new CallbackMix(all, new CallbackSigner(settings.providers(), settings.publicUrl()), 7,
        sampleEvery);
    Set<String> acked = ConcurrentHashMap.newKeySet();
    String host = settings.host();
    try (Visibility visibility = new Visibility(host, service.port(), apiKey, 4)) {
      LoadDriver driver = new LoadDriver(host, service.port(), acked, visibility);
      PhaseResult warm = driver.closed("warm-up", mix.next(warmup * 5000, false), connections, warmup);
      say(warm.describe() + " (not counted)");

      int planned = (int) Math.max(40_000, warm.perSecond() * 5 * duration);
      PhaseResult peak = driver.closed("saturation", mix.next(planned, true), connections, duration);
      say(peak.describe());

      double rate = 0.8 * peak.perSecond();
      int threads = steadyThreads > 0 ? steadyThreads : 4 * connections;
      int steadyCount = (int) (rate * duration);
      List<Callback> steadyLoad = new ArrayList<>(peak.unused.subList(0, Math.min(steadyCount, peak.unused.size())));
      steadyLoad.addAll(mix.next(steadyCount - steadyLoad.size(), true));
      say(String.format(Locale.ROOT, "steady: open loop at %.0f callbacks/s (80 %% of the peak) for %d s, %d senders; "
          + "latency counted from each callback's due time", rate, duration, threads));
      visibility.on(true);
      PhaseResult steady = driver.open("steady-80%", steadyLoad, threads, rate);
      visibility.on(false);
      say(steady.describe());
      visibility.close();
      say("HubSpot outbox after the steady phase: " + store.outboxBacklog() + " pushes not done yet (the pusher's "
          + "backlog, kept in the outbox: " + (hubspotPer10s > 0 ? "HubSpot takes " + hubspotPer10s + " per 10 s)"
          : "the pusher pushes as fast as this machine lets it)"));
      say(String.format(Locale.ROOT, "visibility: %d sampled callbacks, send -> status on GET /api/v1/{channel}/"
              + "messages/{id}: p50 %.2f ms, p99 %.2f ms, max %.2f ms; %d never seen within 10 s",
          visibility.visible.size(), visibility.visible.ms(0.5), visibility.visible.ms(0.99),
          visibility.visible.maxMs(), visibility.neverSeen.get()));
      if (mix.passes() > 0) {
        say("NOTE: the run used every message " + mix.passes() + " time(s) over; later reports are stale "
            + "duplicates (raise --messages)");
      }

      BenchStore.Stored stored = store.stored();
      long lost = acked.stream().filter(k -> !stored.keys().contains(k)).count();
      say(String.format(Locale.ROOT, "lost check: %d reports acknowledged with 2xx, %d callback events in the history "
          + "(%d distinct report ids), %d orphans; acknowledged but missing from the history: %d",
          acked.size(), stored.historyRows(), stored.keys().size(), stored.orphans(), lost));

      summary.put("callbacks_per_s", f0(peak.perSecond()));
      summary.put("ceiling_per_s", f0(ceilingRate));
      summary.put("ratio", String.format(Locale.ROOT, "%.2f", peak.perSecond() / ceilingRate));
      summary.put("p50_ms", f2(peak.latency.ms(0.50)));
      summary.put("p99_ms", f2(peak.latency.ms(0.99)));
      summary.put("p999_ms", f2(peak.latency.ms(0.999)));
      summary.put("p99_at_80pct_ms", f2(steady.latency.ms(0.99)));
      summary.put("visible_p99_ms", f2(visibility.visible.ms(0.99)));
      summary.put("lost", String.valueOf(lost));
    }
  }

  /** {@code POST /__sim/hubspot/limits}: HubSpot's own rate limit, answered with its real 429 and headers. */
  private void limitHubSpot(String hubspotBaseUrl) throws Exception {
    if (hubspotPer10s <= 0) {
      say("HubSpot simulator: no rate limit (--hubspot-per-10s 0): the pusher pushes as fast as it can");
      return;
    }
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(hubspotBaseUrl + "/__sim/hubspot/limits"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"per_10s\": " + hubspotPer10s
            + ", \"policy\": \"TEN_SECONDLY_ROLLING\"}")).build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("the HubSpot simulator refused its limits: " + answer.statusCode() + " "
          + answer.body());
    }
    say("HubSpot simulator: at most " + hubspotPer10s + " calls per 10 s (HubSpot's limit of an app per account; "
        + "beyond it a 429 with HubSpot's rate-limit headers, and the pusher waits for the window)");
  }

  private static String f0(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
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

  private void watchdog() {
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(timeout * 1000L);
      } catch (InterruptedException e) {
        return;
      }
      System.out.println("bench: gave up after " + timeout + " s (--timeout)");
      System.out.flush();
      Runtime.getRuntime().halt(3);
    }, "bench-watchdog");
    t.setDaemon(true);
    t.start();
  }
}
