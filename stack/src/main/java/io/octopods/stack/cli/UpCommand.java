package io.octopods.stack.cli;

import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.cli.HttpsLines;
import io.octopods.simulator.core.http.ProviderServer;
import io.octopods.stack.Stack;
import io.octopods.stack.StackProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./octopods up}: the status service and the four simulators wired together, until Ctrl-C.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description =
        "Starts the status service (port base N) and the simulators (N+1 .. N+4), wired together.")
public final class UpCommand implements Callable<Integer> {
  @Option(
      names = "--port-base",
      description = "service on N, simulators on N+1..N+4 (default 8080)")
  String portBase;

  @Option(names = "--port", description = "moves only the service")
  String port;

  @Option(names = "--host", description = "address to listen on (default 127.0.0.1)")
  String host;

  @Option(
      names = "--clock",
      description = "the simulators' clock: real or virtual (default ${DEFAULT-VALUE})")
  String clock = "real";

  @Option(
      names = "--time-scale",
      description = "wall time per scenario second on the real clock (default ${DEFAULT-VALUE})")
  double timeScale = 1.0;

  @Option(names = "--scenarios", description = "a folder of more scenario files (repeatable)")
  List<Path> scenarios = new ArrayList<>();

  @Option(
      names = "--db-url",
      description = "a PostgreSQL JDBC URL (default: the embedded database under --data-dir)")
  String dbUrl;

  @Option(
      names = "--data-dir",
      description = "where the embedded database and the demo key live (default .octopods)")
  String dataDir;

  @Option(
      names = "--public-url",
      description = "the base URL providers call (default http://<host>:<port>)")
  String publicUrl;

  @Option(
      names = "--tls",
      description =
          "the simulators also serve HTTPS: each on N+11 .. N+14, and every provider's"
              + " real host name on --tls-port; CA in <data-dir>/ca.pem and ca.p12 (the service stays on HTTP)")
  boolean tls;

  @Option(
      names = "--tls-port",
      description = "where the simulators' host-name router listens (default N+10)")
  Integer tlsPort;

  @Override
  public Integer call() throws Exception {
    Map<String, String> flags = new LinkedHashMap<>();
    put(flags, "--port-base", portBase);
    put(flags, "--port", port);
    put(flags, "--host", host);
    put(flags, "--db-url", dbUrl);
    put(flags, "--data-dir", dataDir);
    put(flags, "--public-url", publicUrl);
    Stack stack;
    try {
      stack =
          Stack.of(StackProfile.LOCAL)
              .flags(flags)
              .settings(System.getenv())
              .clock(clock)
              .timeScale(timeScale)
              .scenarios(scenarios)
              .tls(
                  new SimulatorSettings.Tls(
                      tls,
                      tlsPort == null ? OptionalInt.empty() : OptionalInt.of(tlsPort),
                      List.of()))
              .start();
    } catch (ProviderServer.PortTaken e) {
      System.err.println("octopods up: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      System.err.println("octopods up: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stack.close();
                  stopped.countDown();
                },
                "octopods-up-shutdown"));
    urlLines(stack).forEach(System.out::println);
    awaitHealth(stack.service().baseUrl());
    System.out.println("Clock: " + clock + ". Ctrl-C stops.");
    stack.service().demoKey().ifPresent(k -> System.out.println("API key (workspace demo): " + k));
    System.out.flush();
    stopped.await();
    return 0;
  }

  /** The simulators' base URLs (then their HTTPS ones, with {@code --tls}) and the service's. */
  public static List<String> urlLines(Stack stack) {
    List<String> lines = new ArrayList<>();
    for (String p : stack.simulators().providers()) {
      lines.add(String.format("%-9s %s", p, stack.simulators().baseUrl(p)));
    }
    lines.addAll(HttpsLines.of(stack.simulators()));
    lines.add(String.format("%-9s %s", "service", stack.service().baseUrl()));
    return lines;
  }

  private static void awaitHealth(String base) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET /health answered " + r.statusCode() + ": " + r.body());
    }
  }

  private static void put(Map<String, String> flags, String name, String value) {
    if (value != null) {
      flags.put(name, value);
    }
  }
}
