package io.octopods.stack;

import io.javalin.util.JavalinBindException;
import io.octopods.service.OctopodsService;
import io.octopods.service.config.ServiceSettings;
import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one wiring of the status service and the four simulators: the service's provider base URLs
 * point at the simulators, the WhatsApp and Viber simulators' webhooks at the service (Meta's
 * handshake included), the secrets match, and Twilio's {@code StatusCallback} comes from the
 * service's public URL, so the service's port is chosen before it starts. Started from a {@link
 * StackProfile} with {@link #of(StackProfile)}.
 */
public final class Stack implements AutoCloseable {
  private static final String DEFAULT_HOST = "127.0.0.1";
  private static final int BIND_ATTEMPTS = 3;

  private final Simulators simulators;
  private final SimulatorClient admin;
  private final Map<String, String> serviceFlags;
  private final Map<String, String> serviceSettings;
  private final Path dataDir;
  private final boolean temporaryDataDir;
  private OctopodsService service;

  private Stack(
      Simulators simulators,
      Map<String, String> serviceFlags,
      Map<String, String> serviceSettings,
      Path dataDir,
      boolean temporaryDataDir) {
    this.simulators = simulators;
    this.admin = simulators.client();
    this.serviceFlags = new LinkedHashMap<>(serviceFlags);
    this.serviceSettings = Map.copyOf(serviceSettings);
    this.dataDir = dataDir;
    this.temporaryDataDir = temporaryDataDir;
  }

  /** A stack of {@code profile}, to be started with {@link Builder#start()}. */
  public static Builder of(StackProfile profile) {
    return new Builder(profile);
  }

  /**
   * The settings of a service in front of these simulators: the profile's, then {@code settings},
   * then the simulators' base URLs. For a service started elsewhere (a JVM of its own); {@link
   * Builder#start()} uses it too.
   */
  public static Map<String, String> serviceSettings(
      StackProfile profile, Simulators simulators, Map<String, String> settings) {
    Map<String, String> wired = new LinkedHashMap<>(profile.settings());
    wired.putAll(settings);
    for (String provider : List.of("twilio", "whatsapp", "viber", "hubspot")) {
      wired.put(
          "OCTOPODS_" + provider.toUpperCase(Locale.ROOT) + "_BASE_URL",
          simulators.baseUrl(provider));
    }
    return wired;
  }

  /** How a stack is started: a profile, and what the caller chooses over it. */
  public static final class Builder {
    private final StackProfile profile;
    private final Map<String, String> flags = new LinkedHashMap<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private Optional<String> clock = Optional.empty();
    private double timeScale = 1.0;
    private List<Path> scenarioFolders = List.of();
    private SimulatorSettings.Tls tls = SimulatorSettings.Tls.OFF;

    private Builder(StackProfile profile) {
      this.profile = profile;
    }

    /**
     * The launcher's flags: {@code --port-base}, {@code --port}, {@code --host}, {@code --db-url},
     * {@code --data-dir}, {@code --public-url}. Without {@code --data-dir} a stack of a profile
     * other than {@link StackProfile#LOCAL} works in a temporary directory that {@link #close()}
     * deletes.
     */
    public Builder flags(Map<String, String> more) {
      flags.putAll(more);
      return this;
    }

    public Builder flag(String name, String value) {
      flags.put(name, value);
      return this;
    }

    /**
     * Service settings ({@code OCTOPODS_*}) over the profile's; {@code OCTOPODS_PORT_BASE}, {@code
     * _HOST} and {@code _DATA_DIR} place the simulators too.
     */
    public Builder settings(Map<String, String> more) {
      settings.putAll(more);
      return this;
    }

    /** The simulators' clock, {@code real} or {@code virtual}, instead of the profile's. */
    public Builder clock(String name) {
      clock = Optional.of(name);
      return this;
    }

    /** Wall time per scenario second on the real clock. */
    public Builder timeScale(double scale) {
      timeScale = scale;
      return this;
    }

    /** Folders of more scenario files for the simulators. */
    public Builder scenarios(List<Path> folders) {
      scenarioFolders = List.copyOf(folders);
      return this;
    }

    /**
     * The simulators' HTTPS; their CA is kept in the data directory. The service still talks plain
     * HTTP to them.
     */
    public Builder tls(SimulatorSettings.Tls https) {
      tls = https;
      return this;
    }

    public Stack start() {
      int portBase =
          Integer.parseInt(
              chosen("--port-base", "OCTOPODS_PORT_BASE")
                  .orElse(String.valueOf(profile.portBase())));
      String host = chosen("--host", "OCTOPODS_HOST").orElse(DEFAULT_HOST);
      Optional<String> chosenDir =
          chosen("--data-dir", "OCTOPODS_DATA_DIR")
              .or(
                  () ->
                      profile == StackProfile.LOCAL ? Optional.of(".octopods") : Optional.empty());
      Path dataDir = chosenDir.map(Path::of).orElseGet(Builder::temporaryDirectory);
      Simulators sims;
      try {
        sims =
            Simulators.start(
                new SimulatorSettings(
                    host,
                    portBase,
                    clock.orElse(profile.clock()),
                    timeScale,
                    scenarioFolders,
                    Duration.ofSeconds(10),
                    8,
                    Optional.of(dataDir),
                    tls));
      } catch (RuntimeException e) {
        if (chosenDir.isEmpty()) {
          deleteQuietly(dataDir);
        }
        throw e;
      }
      Map<String, String> serviceFlags = new LinkedHashMap<>(flags);
      serviceFlags.put("--data-dir", dataDir.toString());
      Stack stack =
          new Stack(
              sims,
              serviceFlags,
              serviceSettings(profile, sims, settings),
              dataDir,
              chosenDir.isEmpty());
      try {
        stack.startService(portBase == 0 && !flags.containsKey("--port"), host);
        stack.pointWebhooksAtService();
        return stack;
      } catch (RuntimeException e) {
        stack.close();
        throw e;
      }
    }

    private Optional<String> chosen(String name, String setting) {
      return Optional.ofNullable(flags.get(name))
          .or(() -> Optional.ofNullable(settings.get(setting)));
    }

    private static Path temporaryDirectory() {
      try {
        return Files.createTempDirectory("octopods-stack");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Starts the in-process service; on a free port when {@code freePort}, and since another process
   * may take that port before the service binds it (an outgoing connection's ephemeral port, say),
   * a bind failure is tried again on another one.
   */
  private void startService(boolean freePort, String host) {
    Map<String, String> flags = new LinkedHashMap<>(serviceFlags);
    for (int attempt = 1; ; attempt++) {
      if (freePort) {
        flags.put("--port", String.valueOf(freePort(host)));
      }
      try {
        service = OctopodsService.start(ServiceSettings.read(flags, serviceSettings::get));
        if (freePort) {
          serviceFlags.put("--port", flags.get("--port"));
        }
        return;
      } catch (JavalinBindException e) {
        if (!freePort || attempt == BIND_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on " + host + ": " + e.getMessage(), e);
    }
  }

  private void pointWebhooksAtService() {
    pointWebhooks(admin, serviceUrl());
  }

  /**
   * Points the WhatsApp and Viber simulators' webhooks at a service reached at {@code publicUrl}
   * (Meta's handshake and Viber's check included); Twilio's callback URL comes from the service.
   */
  public static void pointWebhooks(SimulatorClient admin, String publicUrl) {
    for (String provider : List.of("whatsapp", "viber")) {
      admin.setWebhook(provider, SimulatorClient.Webhook.to(publicUrl + "/webhooks/" + provider));
    }
  }

  public Simulators simulators() {
    return simulators;
  }

  /** The simulators' admin API. */
  public SimulatorClient admin() {
    return admin;
  }

  /** The in-process service; after {@link #stopService()} there is none. */
  public OctopodsService service() {
    if (service == null) {
      throw new IllegalStateException("the stack's in-process service was stopped");
    }
    return service;
  }

  /**
   * The service's base URL, the same after {@link #stopService()} for a service started on the same
   * flags.
   */
  public String serviceUrl() {
    return service == null
        ? "http://"
            + serviceFlags.getOrDefault("--host", DEFAULT_HOST)
            + ":"
            + serviceFlags.get("--port")
        : service.baseUrl();
  }

  /**
   * The flags the service was started with ({@code --port}, {@code --data-dir}, ...), for a process
   * of its own.
   */
  public Map<String, String> serviceFlags() {
    return Map.copyOf(serviceFlags);
  }

  /** The settings ({@code OCTOPODS_*}) the service was started with, for a process of its own. */
  public Map<String, String> serviceSettings() {
    return serviceSettings;
  }

  public Path dataDir() {
    return dataDir;
  }

  /**
   * Stops the in-process service, not the simulators: a service started on the same flags takes its
   * place.
   */
  public void stopService() {
    if (service != null) {
      service.close();
      service = null;
    }
  }

  @Override
  public void close() {
    try {
      stopService();
    } finally {
      simulators.close();
      if (temporaryDataDir) {
        deleteQuietly(dataDir);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary folder: the OS cleans it up
    }
  }
}
