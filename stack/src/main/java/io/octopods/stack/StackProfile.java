package io.octopods.stack;

import io.octopods.simulator.SimulatorSettings;
import java.util.Map;

/**
 * A named set of service settings ({@code OCTOPODS_*}) and simulator defaults for a {@link Stack}:
 * what the settings a caller gives are laid over.
 *
 * @param name what the profile is for, in messages
 * @param settings the service settings of the profile; a caller's settings replace or add to them
 * @param clock the simulators' clock unless the caller chooses: {@code real} or {@code virtual}
 * @param portBase the service's port and the simulators' base unless the caller chooses; 0 is free
 *     ports everywhere
 */
public record StackProfile(String name, Map<String, String> settings, String clock, int portBase) {
  /** The test workspace's API key (workspace {@code acme}). */
  public static final String TEST_API_KEY = "acme-key-0123456789abcdef0123456789";

  /**
   * A second workspace's key ({@code other}), for the checks that one workspace never sees
   * another's messages.
   */
  public static final String TEST_OTHER_KEY = "other-key-0123456789abcdef012345678";

  /** The Intercom app's client secret the test stack signs canvas requests with. */
  public static final String TEST_INTERCOM_SECRET = "octopods-test-intercom-client-secret";

  /** {@code ./octopods up}: the service's own defaults, the real clock, the documented ports. */
  public static final StackProfile LOCAL =
      new StackProfile("local", Map.of(), "real", SimulatorSettings.DEFAULT_PORT_BASE);

  /**
   * The suites and {@code ./octopods check}'s local stack: free ports, the virtual clock, two
   * workspaces, no rate limit, quick hand-off retries and worker polls. The provider timeout is
   * longer than every send answer a library scenario delays but still gives, so those answers
   * arrive as meant. SMS reconciliation runs on the real clock: it waits long enough that a
   * scenario's own callbacks, played at once on the virtual clock, come first even on a loaded
   * machine, and short enough that the gate awaits a scenario about reconciliation (it waits for at
   * most ten times the timer, within its longest wait) instead of skipping it.
   */
  public static final StackProfile TEST =
      new StackProfile(
          "test",
          Map.of(
              "OCTOPODS_API_KEYS", "acme:" + TEST_API_KEY + ",other:" + TEST_OTHER_KEY,
              "OCTOPODS_RATE_LIMIT", "0",
              "OCTOPODS_PROVIDER_TIMEOUT", "PT4S",
              "OCTOPODS_HANDOFF_FIRST_BACKOFF", "PT0.05S",
              "OCTOPODS_HANDOFF_BACKOFF_MAX", "PT0.2S",
              "OCTOPODS_WORKER_POLL_INTERVAL", "PT0.05S",
              "OCTOPODS_RECONCILE_AFTER", "PT3S",
              "OCTOPODS_INTERCOM_CLIENT_SECRET", TEST_INTERCOM_SECRET),
          "virtual",
          0);

  /**
   * {@code ./octopods bench}: free ports, the real clock, no rate limit (the benchmark brings its
   * key and database).
   */
  public static final StackProfile BENCH =
      new StackProfile("bench", Map.of("OCTOPODS_RATE_LIMIT", "0"), "real", 0);

  public StackProfile {
    settings = Map.copyOf(settings);
  }
}
