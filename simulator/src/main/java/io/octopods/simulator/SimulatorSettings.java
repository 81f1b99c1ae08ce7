package io.octopods.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a simulator process runs.
 *
 * @param portBase the providers listen on portBase+1 (Twilio), +2 (WhatsApp), +3 (Viber), +4
 *     (HubSpot); 0 means free ports
 * @param clock {@code real} or {@code virtual}
 * @param timeScale wall time per unit of scenario time on the real clock (0.01 plays 30 s in 300
 *     ms)
 * @param scenarioFolders more scenarios, loaded at start-up in file name order
 * @param callbackTimeout how long one callback request may take before it counts as a time-out
 * @param callbackLanes how many callbacks are delivered at once on the real clock (one message's
 *     keep their order)
 * @param dataDir where the CA of {@link Tls} is kept (and the command line writes sim.json)
 * @param tls the HTTPS listeners, and whom callbacks to {@code https} webhooks trust
 */
public record SimulatorSettings(
    String host,
    int portBase,
    String clock,
    double timeScale,
    List<Path> scenarioFolders,
    Duration callbackTimeout,
    int callbackLanes,
    Optional<Path> dataDir,
    Tls tls) {

  public static final int DEFAULT_PORT_BASE = 8080;

  /** Where the CA is kept when no data directory is given: the command line's default. */
  public static final Path DEFAULT_DATA_DIR = Path.of(".octopods");

  /**
   * HTTPS.
   *
   * @param enabled each provider also serves HTTPS on portBase+11 .. +14, and one listener on
   *     {@code routerPort} (default portBase+10) routes by host name to them all
   * @param routerPort where the host-name router listens, when not portBase+10 (443 for whoever may
   *     bind it)
   * @param trust PEM files whose certificates callbacks to {@code https} webhooks trust besides the
   *     JDK's CAs (independent of {@code enabled})
   */
  public record Tls(boolean enabled, OptionalInt routerPort, List<Path> trust) {
    public static final Tls OFF = new Tls(false, OptionalInt.empty(), List.of());

    public Tls {
      trust = List.copyOf(trust);
    }

    /** HTTPS on, the router on portBase+10, no extra trust. */
    public static Tls on() {
      return new Tls(true, OptionalInt.empty(), List.of());
    }
  }

  public SimulatorSettings {
    if (!"real".equals(clock) && !"virtual".equals(clock)) {
      throw new IllegalArgumentException(
          "--clock must be 'real' or 'virtual', was '" + clock + "'");
    }
    scenarioFolders = List.copyOf(scenarioFolders);
    if (tls.routerPort().isPresent()
        && (tls.routerPort().getAsInt() < 0 || tls.routerPort().getAsInt() > 65535)) {
      throw new IllegalArgumentException(
          "--tls-port must be a port (0 to 65535), was " + tls.routerPort().getAsInt());
    }
  }

  /** Without HTTPS and without extra trust. */
  public SimulatorSettings(
      String host,
      int portBase,
      String clock,
      double timeScale,
      List<Path> scenarioFolders,
      Duration callbackTimeout,
      int callbackLanes,
      Optional<Path> dataDir) {
    this(
        host,
        portBase,
        clock,
        timeScale,
        scenarioFolders,
        callbackTimeout,
        callbackLanes,
        dataDir,
        Tls.OFF);
  }

  /** Free ports on 127.0.0.1 with the given clock: what tests use. */
  public static SimulatorSettings forTests(String clock) {
    return new SimulatorSettings(
        "127.0.0.1", 0, clock, 1.0, List.of(), Duration.ofSeconds(10), 8, Optional.empty());
  }

  public SimulatorSettings withScenarioFolders(List<Path> folders) {
    return new SimulatorSettings(
        host, portBase, clock, timeScale, folders, callbackTimeout, callbackLanes, dataDir, tls);
  }

  public SimulatorSettings withTimeScale(double scale) {
    return new SimulatorSettings(
        host,
        portBase,
        clock,
        scale,
        scenarioFolders,
        callbackTimeout,
        callbackLanes,
        dataDir,
        tls);
  }

  public SimulatorSettings withTls(Tls https, Path caDir) {
    return new SimulatorSettings(
        host,
        portBase,
        clock,
        timeScale,
        scenarioFolders,
        callbackTimeout,
        callbackLanes,
        Optional.of(caDir),
        https);
  }

  int portOf(int providerIndex) {
    return portBase == 0 ? 0 : portBase + providerIndex + 1;
  }

  int httpsPortOf(int providerIndex) {
    return portBase == 0 ? 0 : portBase + providerIndex + 11;
  }

  int routerPort() {
    return tls.routerPort().orElse(portBase == 0 ? 0 : portBase + 10);
  }
}
