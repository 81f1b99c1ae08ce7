package io.octopods.service.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the service is configured with (api.md, Configuration). Flags beat environment
 * variables; unset provider settings mean the simulators' defaults, so {@code ./octopods up} needs
 * none.
 */
public record ServiceSettings(
    String host,
    int port,
    Optional<String> dbUrl,
    Optional<String> dbUser,
    Optional<String> dbPassword,
    Path dataDir,
    String publicUrl,
    Optional<String> apiKeys,
    int rateLimit,
    ProviderSettings providers,
    Optional<String> intercomClientSecret,
    Optional<String> intercomWorkspaces,
    Timers timers) {

  /** Every timer of the service. */
  public record Timers(
      Duration providerTimeout,
      int handoffMaxAttempts,
      Duration handoffFirstBackoff,
      Duration handoffBackoffMax,
      Duration reconcileAfter,
      Duration orphanRetention,
      Duration workerPollInterval) {}

  public static final int DEFAULT_PORT_BASE = 8080;

  /**
   * Reads flags ({@code --port}, {@code --port-base}, {@code --host}, {@code --db-url}, ...) and
   * the environment.
   */
  public static ServiceSettings read(Map<String, String> flags, Function<String, String> env) {
    Settings s = new Settings(flags, env);
    int portBase = s.integer("--port-base", "OCTOPODS_PORT_BASE", DEFAULT_PORT_BASE);
    int port = s.integer("--port", "OCTOPODS_PORT", portBase);
    String host = s.get("--host", "OCTOPODS_HOST", "127.0.0.1");
    String simHost = s.get("--sim-host", "OCTOPODS_SIM_HOST", host);
    return new ServiceSettings(
        host,
        port,
        s.get("--db-url", "OCTOPODS_DB_URL"),
        s.get(null, "OCTOPODS_DB_USER"),
        s.get(null, "OCTOPODS_DB_PASSWORD"),
        Path.of(s.get("--data-dir", "OCTOPODS_DATA_DIR", ".octopods")),
        stripSlash(s.get("--public-url", "OCTOPODS_PUBLIC_URL", "http://" + host + ":" + port)),
        s.get(null, "OCTOPODS_API_KEYS"),
        s.integer(null, "OCTOPODS_RATE_LIMIT", 50),
        ProviderSettings.read(s, simHost, portBase),
        s.get(null, "OCTOPODS_INTERCOM_CLIENT_SECRET"),
        s.get(null, "OCTOPODS_INTERCOM_WORKSPACES"),
        new Timers(
            s.duration("OCTOPODS_PROVIDER_TIMEOUT", Duration.ofSeconds(10)),
            s.integer(null, "OCTOPODS_HANDOFF_MAX_ATTEMPTS", 5),
            s.duration("OCTOPODS_HANDOFF_FIRST_BACKOFF", Duration.ofSeconds(1)),
            s.duration("OCTOPODS_HANDOFF_BACKOFF_MAX", Duration.ofMinutes(5)),
            s.duration("OCTOPODS_RECONCILE_AFTER", Duration.ofMinutes(10)),
            s.duration("OCTOPODS_ORPHAN_RETENTION", Duration.ofDays(14)),
            s.duration("OCTOPODS_WORKER_POLL_INTERVAL", Duration.ofMillis(200))));
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
