package io.octopods.simulator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.ProviderSimulator;
import io.octopods.simulator.core.http.ProviderServer;
import io.octopods.simulator.core.scenario.ScenarioRejected;
import io.octopods.simulator.core.tls.CaFiles;
import io.octopods.simulator.core.tls.CallbackTrust;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./octopods sim}: the four simulators, until SIGINT or SIGTERM. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description =
        "Starts the Twilio, WhatsApp, Viber and HubSpot simulators (on port base + 1 .. + 4).")
public final class SimCommand implements Callable<Integer> {
  @Option(
      names = "--port-base",
      description =
          "Twilio on N+1, WhatsApp on N+2, Viber on N+3, HubSpot on N+4 (default ${DEFAULT-VALUE}; 0 = free ports)")
  int portBase = Integer.parseInt(env("OCTOPODS_PORT_BASE", "8080"));

  @Option(names = "--host", description = "address to listen on (default ${DEFAULT-VALUE})")
  String host = env("OCTOPODS_HOST", "127.0.0.1");

  @Option(names = "--clock", description = "real or virtual (default ${DEFAULT-VALUE})")
  String clock = "real";

  @Option(
      names = "--time-scale",
      description =
          "wall time per scenario second on the real clock; 0.01 plays 30 s in 300 ms (default ${DEFAULT-VALUE})")
  double timeScale = 1.0;

  @Option(names = "--scenarios", description = "a folder of more scenario files (repeatable)")
  List<Path> scenarios = new ArrayList<>();

  @Option(
      names = "--data-dir",
      description = "where sim.json is written and the TLS CA is kept (default ${DEFAULT-VALUE})")
  Path dataDir = Path.of(env("OCTOPODS_DATA_DIR", ".octopods"));

  @Option(
      names = "--tls",
      description =
          "also serve HTTPS: each provider on N+11 .. N+14, and every provider's real"
              + " host name (api.twilio.com, graph.facebook.com, ...) on --tls-port; CA in <data-dir>/ca.pem and ca.p12")
  boolean tls;

  @Option(
      names = "--tls-port",
      description = "where the host-name router listens (default N+10; 443 where allowed)")
  Integer tlsPort;

  @Option(
      names = "--trust",
      description =
          "a PEM file of certificates that callbacks to https webhooks trust besides"
              + " the JDK's CAs (repeatable)")
  List<Path> trust = new ArrayList<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new SimCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    SimulatorSettings settings =
        new SimulatorSettings(
            host,
            portBase,
            clock,
            timeScale,
            scenarios,
            Duration.ofSeconds(10),
            8,
            Optional.of(dataDir),
            new SimulatorSettings.Tls(
                tls, tlsPort == null ? OptionalInt.empty() : OptionalInt.of(tlsPort), trust));
    Simulators sims;
    try {
      if (!trust.isEmpty()) {
        // this process's own https calls (Meta's handshake, Viber's webhook check) trust the same
        // as its callbacks
        SSLContext.setDefault(CallbackTrust.trusting(trust));
      }
      sims = Simulators.start(settings);
    } catch (ProviderServer.PortTaken e) {
      System.err.println("octopods sim: " + e.getMessage());
      return 2;
    } catch (ScenarioRejected
        | IllegalArgumentException
        | IllegalStateException
        | UncheckedIOException e) {
      System.err.println("octopods sim: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sims.close();
                  stopped.countDown();
                },
                "octopods-sim-shutdown"));
    ObjectNode description = describe(sims, settings);
    print(description);
    HttpsLines.of(sims).forEach(System.out::println);
    Files.createDirectories(dataDir);
    Files.writeString(
        dataDir.resolve("sim.json"),
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(description));
    System.out.println(
        "Clock: "
            + settings.clock()
            + ". Written to "
            + dataDir.resolve("sim.json")
            + ". Ctrl-C stops.");
    System.out.flush();
    stopped.await();
    return 0;
  }

  /** The same facts as {@code GET /__sim/info} of every provider, in one document. */
  static ObjectNode describe(Simulators sims, SimulatorSettings settings) {
    ObjectNode doc =
        Json.object().put("clock", settings.clock()).put("time_scale", settings.timeScale());
    ObjectNode providers = doc.putObject("providers");
    for (String name : sims.providers()) {
      ProviderSimulator p = sims.provider(name);
      ObjectNode o = providers.putObject(name).put("base_url", sims.baseUrl(name));
      sims.httpsBaseUrl(name).ifPresent(url -> o.put("https_base_url", url));
      sims.tls().ifPresent(tls -> o.put("routed_url", tls.routedUrl(name)));
      o.set("credentials", p.credentials());
      o.set("test_credentials", p.testCredentials());
      o.put("signing_secret", p.signingSecret());
    }
    sims.tls()
        .ifPresent(
            tls ->
                doc.putObject("tls")
                    .put("router_port", tls.routerPort())
                    .put("ca_pem", tls.caPem().toString())
                    .put("ca_p12", tls.caP12().toString())
                    .put("ca_p12_password", CaFiles.PASSWORD));
    return doc;
  }

  private static void print(ObjectNode description) {
    Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it =
        description.get("providers").fields();
    while (it.hasNext()) {
      var e = it.next();
      StringBuilder line =
          new StringBuilder(
              String.format("%-9s %s", e.getKey(), e.getValue().get("base_url").asText()));
      e.getValue()
          .get("credentials")
          .fields()
          .forEachRemaining(
              c -> line.append("  ").append(c.getKey()).append('=').append(c.getValue().asText()));
      System.out.println(line);
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
