package io.octopods.features.stack;

import io.octopods.service.OctopodsService;
import io.octopods.service.config.ServiceSettings;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole stack in one process: the four simulators and the status service wired together — the
 * service's provider base URLs point at the simulators, the simulators' webhooks at the service, the
 * secrets match.
 */
public final class Stack implements AutoCloseable {
  private final Simulators simulators;
  private final OctopodsService service;

  private Stack(Simulators simulators, OctopodsService service) {
    this.simulators = simulators;
    this.service = service;
  }

  /**
   * @param flags the launcher's flags ({@code --port-base}, {@code --port}, {@code --host}, {@code --db-url},
   *     {@code --data-dir}, {@code --public-url}); port base 0 means free ports everywhere
   * @param env the environment ({@code OCTOPODS_*}); provider base URLs are set to the simulators'
   */
  public static Stack start(Map<String, String> flags, Map<String, String> env, String clock, double timeScale,
      List<Path> scenarioFolders) {
    return start(flags, env, clock, timeScale, scenarioFolders, SimulatorSettings.Tls.OFF);
  }

  /**
   * As above, with the simulators' HTTPS ({@code --tls}): their CA is kept in the service's data directory. The
   * service still calls the simulators, and is called back, over plain HTTP.
   */
  public static Stack start(Map<String, String> flags, Map<String, String> env, String clock, double timeScale,
      List<Path> scenarioFolders, SimulatorSettings.Tls tls) {
    int portBase = Integer.parseInt(flags.getOrDefault("--port-base",
        env.getOrDefault("OCTOPODS_PORT_BASE", String.valueOf(SimulatorSettings.DEFAULT_PORT_BASE))));
    String host = flags.getOrDefault("--host", env.getOrDefault("OCTOPODS_HOST", "127.0.0.1"));
    Path dataDir = Path.of(flags.getOrDefault("--data-dir", env.getOrDefault("OCTOPODS_DATA_DIR", ".octopods")));
    Simulators sims = Simulators.start(new SimulatorSettings(host, portBase, clock, timeScale, scenarioFolders,
        Duration.ofSeconds(10), 8, Optional.of(dataDir), tls));
    try {
      Map<String, String> wired = new HashMap<>(env);
      wired.put("OCTOPODS_TWILIO_BASE_URL", sims.baseUrl("twilio"));
      wired.put("OCTOPODS_WHATSAPP_BASE_URL", sims.baseUrl("whatsapp"));
      wired.put("OCTOPODS_VIBER_BASE_URL", sims.baseUrl("viber"));
      wired.put("OCTOPODS_HUBSPOT_BASE_URL", sims.baseUrl("hubspot"));
      Map<String, String> serviceFlags = new HashMap<>(flags);
      if (portBase == 0 && !serviceFlags.containsKey("--port")) {
        // Twilio's StatusCallback carries the service's public URL, so its port is chosen before it starts
        serviceFlags.put("--port", String.valueOf(freePort(host)));
      }
      OctopodsService service = OctopodsService.start(ServiceSettings.read(serviceFlags, wired::get));
      Stack stack = new Stack(sims, service);
      stack.pointWebhooksAtService();
      return stack;
    } catch (RuntimeException e) {
      sims.close();
      throw e;
    }
  }

  private static int freePort(String host) {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on " + host + ": " + e.getMessage(), e);
    }
  }

  private void pointWebhooksAtService() {
    String base = service.baseUrl();
    for (String provider : List.of("whatsapp", "viber")) {
      post(simulators.baseUrl(provider) + "/__sim/webhook",
          "{\"url\":\"" + base + "/webhooks/" + provider + "\",\"verify\":true}");
    }
  }

  private static void post(String url, String json) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("wiring failed: POST " + url + " answered " + r.statusCode() + ": " + r.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("wiring failed: POST " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Simulators simulators() {
    return simulators;
  }

  public OctopodsService service() {
    return service;
  }

  @Override
  public void close() {
    service.close();
    simulators.close();
  }
}
